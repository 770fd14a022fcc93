"""The audit record of an article's sign-offs: who approved what, when, as what (for accreditation surveys).

Every row is read from one ``SignOff`` alone (its revision id, content fingerprint, decision, attestation text,
note, and the reviewer's credentials and verification records snapshotted at signing), so the record stays
true after accounts, profiles, credentials or revisions change or are deleted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from providers.models.credentials import can_manage_credentials

AUDIT_COLUMNS = [
    ("signed_at", "Signed at (UTC)"),
    ("decision", "Decision"),
    ("role", "Role"),
    ("reviewer", "Reviewer (as signed)"),
    ("account", "Admin account"),
    ("revision", "Revision"),
    ("fingerprint", "Content fingerprint (SHA-256)"),
    ("attested", "Attested"),
    ("attestation_text", "Attestation"),
    ("note", "Note"),
    ("credentials", "Credentials and verification in force"),
]


def can_view_audit(user: Any, page: Any) -> bool:
    """Users who may edit the article, the Credentialing team and superusers."""
    return bool(
        user.is_authenticated
        and (user.is_superuser or can_manage_credentials(user) or page.permissions_for_user(user).can_edit())
    )


def _verification(holding: dict[str, Any]) -> str:
    if not holding.get("verified_on"):
        return "not verified"
    who = (holding.get("verified_by") or {}).get("name") or "unknown"
    method = holding.get("verification_method") or "method not recorded"
    source = holding.get("verification_source") or "source not recorded"
    return f"verified {holding['verified_on']} by {who} ({method}; {source})"


def holding_lines(snapshot: dict[str, Any]) -> list[str]:
    """One line per credential in the snapshot: code, number, status, expiry and its verification record."""
    lines = []
    for holding in snapshot.get("holdings", []):
        where = " ".join(part for part in (holding.get("jurisdiction"), holding.get("number")) if part)
        expiry = f"expires {holding['expires_on']}" if holding.get("expires_on") else "no expiry"
        lines.append(
            f"{holding.get('code')}{f' [{where}]' if where else ''}: {holding.get('status')}, {expiry}, "
            + _verification(holding)
        )
    return lines


def audit_row(signoff: Any) -> dict[str, Any]:
    snapshot = signoff.credentials or {}
    return {
        "signed_at": signoff.signed_at.strftime("%Y-%m-%d %H:%M:%S"),
        "decision": signoff.get_decision_display(),
        "role": signoff.get_role_display(),
        "reviewer": snapshot.get("display_name", ""),
        "account": (snapshot.get("account") or {}).get("username", ""),
        "revision": signoff.revision_id or "(removed)",
        "fingerprint": signoff.content_hash,
        "attested": "yes" if signoff.attestation else "no",
        "attestation_text": signoff.attestation_text,
        "note": signoff.note,
        "credentials": holding_lines(snapshot),
    }


def audit_rows(signoffs: Iterable[Any]) -> list[dict[str, Any]]:
    return [audit_row(signoff) for signoff in signoffs]


def _cell(value: Any) -> str:
    text = "; ".join(value) if isinstance(value, list) else str(value)
    # A spreadsheet must not run a cell as a formula (CSV injection).
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def audit_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([label for _, label in AUDIT_COLUMNS])
    for row in rows:
        writer.writerow([_cell(row[key]) for key, _ in AUDIT_COLUMNS])
    return buffer.getvalue()
