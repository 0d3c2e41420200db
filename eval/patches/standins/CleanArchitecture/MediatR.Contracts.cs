// Eval stand-in, copied into src/Domain by eval/patches/CleanArchitecture.sh: no MediatR version the app's
// code fits is served by the package mirror the evaluation runs against (MediatR.Contracts not at all,
// MediatR only as 5.1.0, whose interfaces differ). These are the request and notification contracts the
// app uses, with the shapes of MediatR 12 and later, so the app's own code compiles unchanged.
namespace MediatR
{
    public interface IBaseRequest { }

    public interface IRequest : IBaseRequest { }

    public interface IRequest<out TResponse> : IBaseRequest { }

    public interface INotification { }

    public readonly struct Unit
    {
        public static readonly Unit Value;
    }
}
