using HealthFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary><c>GET /api/review-due</c>: posts due for medical review, oldest first. Requires a function key.</summary>
public sealed class ListReviewDue
{
    private readonly ReviewApi _review;

    public ListReviewDue(ReviewApi review)
    {
        _review = review;
    }

    [Function(nameof(ListReviewDue))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "review-due")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await _review.ListAsync(request, cancellationToken);
}
