using HealthFunctions.Publishing.Review;
using Microsoft.AspNetCore.Http;

namespace HealthFunctions.Api;

/// <summary><c>GET /api/review-due</c>: public posts due for medical review, oldest review first (for editors; function-key protected).</summary>
public sealed class ReviewApi
{
    private readonly ReviewPolicy _review;
    private readonly ApiFailures _failures;

    public ReviewApi(ReviewPolicy review, ApiFailures failures)
    {
        _review = review;
        _failures = failures;
    }

    public Task<ApiResponse> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        _failures.GuardAsync(request, async () =>
        {
            var query = new QueryReader(request);
            if (query.Error is { } error)
            {
                return error;
            }

            var due = await _review.ListDueAsync(cancellationToken);
            return ApiResponse.Private(new ReviewDueList(due.Select(ReviewDueItem.From).ToList()));
        });
}
