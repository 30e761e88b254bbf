"""An email backend for tests: like locmem, and notes the reminder log's state at each email."""

from django.core.mail.backends.locmem import EmailBackend

from reminders.models import ReminderLog, ReminderStatus

# What the log held as each email was handed over: (sent rows, rows being sent).
seen: list[tuple[int, int]] = []


class LogWatchingBackend(EmailBackend):
    def send_messages(self, messages) -> int:
        sent = ReminderLog.objects.filter(status=ReminderStatus.SENT).count()
        sending = ReminderLog.objects.filter(status=ReminderStatus.SENDING).count()
        seen.append((sent, sending))
        return super().send_messages(messages)
