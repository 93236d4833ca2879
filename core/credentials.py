"""A kiosk's password for its central, kept in the operating system's keyring (Windows Credential
Manager, macOS Keychain, the Secret Service on Linux), never in a settings file or a log."""

from sqlalchemy.engine import URL

from core.errors import BangfuError
from core.i18n import _

SERVICE = "Bangfu central"


def _account(url: URL) -> str:
    return f"{url.username}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def keep(url: URL) -> URL:
    """Put the password of ``url`` in the keyring; returns the URL without it, to store."""
    import keyring  # only kiosks need it
    from keyring.errors import KeyringError

    if url.password:
        try:
            keyring.set_password(SERVICE, _account(url), str(url.password))
        except KeyringError as exc:
            raise BangfuError(
                _("this PC has no keyring to keep the kiosk's password in ({reason})").format(reason=exc)
            ) from None
    return URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)


def filled(url: URL) -> URL:
    """``url`` with its password from the keyring (as it is when the keyring has none)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        password = keyring.get_password(SERVICE, _account(url))
    except KeyringError as exc:
        raise BangfuError(
            _("this PC's keyring cannot be read ({reason}): the kiosk cannot sign in to its central").format(reason=exc)
        ) from None
    return url.set(password=password) if password else url
