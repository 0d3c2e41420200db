// Eval stand-in, copied in by eval/patches/TodoApi.sh: the MiniValidation package is not served by the
// package mirror the evaluation runs against. Todo.Api uses one member of it, MiniValidator.TryValidate;
// this gives that member the same shape, validating with System.ComponentModel.DataAnnotations, so the
// app's own code compiles unchanged.
using System.ComponentModel.DataAnnotations;

namespace MiniValidation;

public static class MiniValidator
{
    public static bool TryValidate<TTarget>(TTarget target, out IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(target);
        var results = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true);
        errors = results
            .SelectMany(r => r.MemberNames.DefaultIfEmpty(string.Empty).Select(member => (Member: member, Message: r.ErrorMessage ?? string.Empty)))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return valid;
    }
}
