"""Admin views of clinical review: dashboard panels, the review-status report and a page's sign-off history."""
