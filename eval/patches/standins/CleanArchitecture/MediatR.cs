// Eval stand-in, copied into src/Application by eval/patches/CleanArchitecture.sh: no MediatR version the
// app's code fits is served by the package mirror the evaluation runs against (13 and later are a paid
// licence, 12 needs MediatR.Contracts, which is not served; 5.1.0 has other interfaces). This declares what
// the app uses, with the shapes of MediatR 12 and later: handlers, pipeline behaviours, a request
// pre-processor, ISender/IPublisher/IMediator and AddMediatR with assembly scanning. A small reflection-based
// mediator sits behind it so the app still works: the pre-processors, then the behaviours in registration
// order around the handler.
using System.Reflection;
using MediatR.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace MediatR
{
    public interface IRequestHandler<in TRequest, TResponse>
        where TRequest : IRequest<TResponse>
    {
        Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
    }

    public interface IRequestHandler<in TRequest>
        where TRequest : IRequest
    {
        Task Handle(TRequest request, CancellationToken cancellationToken);
    }

    public interface INotificationHandler<in TNotification>
        where TNotification : INotification
    {
        Task Handle(TNotification notification, CancellationToken cancellationToken);
    }

    public delegate Task<TResponse> RequestHandlerDelegate<TResponse>(CancellationToken cancellationToken = default);

    public interface IPipelineBehavior<in TRequest, TResponse>
        where TRequest : notnull
    {
        Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken);
    }

    public interface ISender
    {
        Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);

        Task Send<TRequest>(TRequest request, CancellationToken cancellationToken = default)
            where TRequest : IRequest;

        Task<object?> Send(object request, CancellationToken cancellationToken = default);
    }

    public interface IPublisher
    {
        Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
            where TNotification : INotification;
    }

    public interface IMediator : ISender, IPublisher { }

    public class MediatRServiceConfiguration
    {
        internal List<Assembly> Assemblies { get; } = new();
        internal List<(Type Service, Type Implementation)> OpenTypes { get; } = new();

        public MediatRServiceConfiguration RegisterServicesFromAssembly(Assembly assembly)
        {
            Assemblies.Add(assembly);
            return this;
        }

        public MediatRServiceConfiguration AddOpenBehavior(Type openBehaviorType)
        {
            OpenTypes.Add((typeof(IPipelineBehavior<,>), openBehaviorType));
            return this;
        }

        public MediatRServiceConfiguration AddOpenRequestPreProcessor(Type openPreProcessorType)
        {
            OpenTypes.Add((typeof(IRequestPreProcessor<>), openPreProcessorType));
            return this;
        }
    }

    internal sealed class Mediator(IServiceProvider services) : IMediator
    {
        public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
        {
            var handlerType = typeof(IRequestHandler<,>).MakeGenericType(request.GetType(), typeof(TResponse));
            var handler = services.GetRequiredService(handlerType);
            return Run(request, ct => (Task<TResponse>)Call(handlerType, handler, "Handle", request, ct), cancellationToken);
        }

        public Task Send<TRequest>(TRequest request, CancellationToken cancellationToken = default)
            where TRequest : IRequest
        {
            var handler = services.GetRequiredService<IRequestHandler<TRequest>>();
            return Run(request, async ct =>
            {
                await handler.Handle(request, ct);
                return Unit.Value;
            }, cancellationToken);
        }

        public async Task<object?> Send(object request, CancellationToken cancellationToken = default)
        {
            // A request known only at run time: find its response type and take the typed path.
            var type = request.GetType();
            var withResponse = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>));
            var typedSends = typeof(Mediator).GetMethods().Where(m => m.Name == nameof(Send) && m.IsGenericMethodDefinition).ToList();
            if (withResponse is not null)
            {
                var send = typedSends.Single(m => !m.GetParameters()[0].ParameterType.IsGenericParameter);
                var task = (Task)send.MakeGenericMethod(withResponse.GetGenericArguments()[0]).Invoke(this, [request, cancellationToken])!;
                await task;
                return task.GetType().GetProperty("Result")!.GetValue(task);
            }
            if (request is IRequest)
            {
                var send = typedSends.Single(m => m.GetParameters()[0].ParameterType.IsGenericParameter);
                await (Task)send.MakeGenericMethod(type).Invoke(this, [request, cancellationToken])!;
                return Unit.Value;
            }
            throw new ArgumentException($"{type} is not a MediatR request", nameof(request));
        }

        public async Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
            where TNotification : INotification
        {
            // The runtime type decides the handlers, as the domain events are published through a base type.
            var handlerType = typeof(INotificationHandler<>).MakeGenericType(notification.GetType());
            foreach (var handler in services.GetServices(handlerType))
            {
                await (Task)Call(handlerType, handler!, "Handle", notification, cancellationToken);
            }
        }

        private async Task<TResponse> Run<TResponse>(object request, RequestHandlerDelegate<TResponse> handler, CancellationToken cancellationToken)
        {
            var requestType = request.GetType();
            var preProcessorType = typeof(IRequestPreProcessor<>).MakeGenericType(requestType);
            foreach (var preProcessor in services.GetServices(preProcessorType))
            {
                await (Task)Call(preProcessorType, preProcessor!, "Process", request, cancellationToken);
            }

            var behaviorType = typeof(IPipelineBehavior<,>).MakeGenericType(requestType, typeof(TResponse));
            var next = handler;
            foreach (var behavior in services.GetServices(behaviorType).Reverse())
            {
                var inner = next;
                next = ct => (Task<TResponse>)Call(behaviorType, behavior!, "Handle", request, inner, ct);
            }
            return await next(cancellationToken);
        }

        private static object Call(Type service, object target, string method, params object[] arguments) =>
            service.GetMethod(method)!.Invoke(target, arguments)!;
    }
}

namespace MediatR.Pipeline
{
    public interface IRequestPreProcessor<in TRequest>
        where TRequest : notnull
    {
        Task Process(TRequest request, CancellationToken cancellationToken);
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    using MediatR;

    public static class EvalMediatRServiceCollectionExtensions
    {
        private static readonly Type[] HandlerInterfaces =
            [typeof(IRequestHandler<,>), typeof(IRequestHandler<>), typeof(INotificationHandler<>)];

        public static IServiceCollection AddMediatR(this IServiceCollection services, Action<MediatRServiceConfiguration> configure)
        {
            var configuration = new MediatRServiceConfiguration();
            configure(configuration);

            services.AddTransient<IMediator, Mediator>();
            services.AddTransient<ISender>(sp => sp.GetRequiredService<IMediator>());
            services.AddTransient<IPublisher>(sp => sp.GetRequiredService<IMediator>());

            foreach (var type in configuration.Assemblies.SelectMany(a => a.GetTypes()))
            {
                if (type.IsAbstract || type.IsInterface || type.IsGenericTypeDefinition)
                {
                    continue;
                }
                foreach (var contract in type.GetInterfaces())
                {
                    if (contract.IsGenericType && HandlerInterfaces.Contains(contract.GetGenericTypeDefinition()))
                    {
                        services.AddTransient(contract, type);
                    }
                }
            }

            foreach (var (service, implementation) in configuration.OpenTypes)
            {
                services.AddTransient(service, implementation);
            }
            return services;
        }
    }
}
