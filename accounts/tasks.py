"""Celery tasks of the accounts app: the password reset email."""

from celery import shared_task

from accounts import password_reset

# 30 s, 1, 2, 4, then every 5 minutes: about two hours of a mail server's outage before
# giving up (a link is valid for PASSWORD_RESET_TIMEOUT, days). No wait is longer than the
# broker's visibility timeout, which would hand the waiting task to a second worker.
MAX_RETRIES = 26
LONGEST_WAIT_S = 300


def backoff(retries: int) -> int:
    return min(30 * 2**retries, LONGEST_WAIT_S)


@shared_task(bind=True, name="accounts.send_password_reset", max_retries=MAX_RETRIES)
def send_password_reset(self, email: str, only: list[int] | None = None) -> int:
    """Send the reset links of `email`; those the mail server refused are tried again later
    (without a broker, at once). Returns how many failed for good."""
    retries = self.request.retries
    while True:
        failed = password_reset.send_links(email, only)
        if not failed or retries >= self.max_retries:
            return len(failed)
        if not self.request.is_eager:
            raise self.retry(args=[email, failed], countdown=backoff(retries))
        # No broker (`make run`, tests): nobody would run a delayed retry, so try now.
        only, retries = failed, retries + 1


def queue_password_reset(email: str) -> None:
    """Hand the typed address to the task, known or not (the request writes nothing it would
    wait for)."""
    send_password_reset.delay(email)
