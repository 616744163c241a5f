using GridCase.Domain;
using GridCase.Host.Persistence;
using GridCase.Host.WorkflowDefinitions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GridCase.Host.Problems;

/// <summary>Turns the exceptions that mean "your request" into ProblemDetails; anything else stays a 500.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            DomainException e => new ValidationProblemDetails(e.Errors.ToDictionary(kv => kv.Key, kv => kv.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = e.Message,
            },
            DefinitionInvalidException e => new ValidationProblemDetails(e.Errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = e.Message,
                Extensions =
                {
                    ["issues"] = e.Issues.Select(DefinitionIssueDto.From).ToList(),
                    ["warnings"] = e.Issues.Where(i => i.Severity == Workflows.Definitions.IssueSeverity.Warning).Select(DefinitionIssueDto.From).ToList(),
                },
            },
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "请求格式有误 / malformed request", Detail = e.Message },
            ConflictException e => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = e.Message },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "已被他人修改，请刷新后重试 / changed by someone else; reload and retry",
            },
            // A unique index refused a racing write of the same thing: the other writer won.
            DbUpdateException e when e.IsUniqueViolation() => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "已被他人同时保存，请刷新后重试 / saved by someone else at the same time; reload and retry",
            },
            NotFoundException e => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = e.Message },
            ForbiddenException e => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = e.Message },
            UnauthorizedException e => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = e.Message },
            UnprocessableException e => new ProblemDetails { Status = StatusCodes.Status422UnprocessableEntity, Title = e.Message },
            _ => null,
        };
        if (problem is null) return false;
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
