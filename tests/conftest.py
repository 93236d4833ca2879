"""Fixtures: every database test runs on SQLite and on PostgreSQL.

PostgreSQL comes from BANGFU_TEST_PG_URL (or --pg-url). Locally it is skipped when absent;
under CI it must be there, so a PostgreSQL run can never be skipped silently.
"""

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from core.collector import collect_due, collect_only_when_asked
from core.db import Database, open_database
from core.i18n import set_language

BACKENDS = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    """Keep the user's own data and log folders out of the tests' reach."""
    home = config.rootpath / ".pytest_cache" / "home"
    for var in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        os.environ[var] = str(home / var.lower())
    os.environ.pop("BANGFU_DB", None)
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_file.FileKeyring"
    os.environ["BANGFU_TEST_KEYRING"] = str(home / "keyring.json")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    collect_only_when_asked()  # on the main thread, between tests, as the window does (core.collector)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--pg-url", default=os.environ.get("BANGFU_TEST_PG_URL"), help="PostgreSQL for the tests")


@pytest.fixture(autouse=True)
def _no_window_left_open(request: pytest.FixtureRequest) -> Iterator[None]:
    """A window test fails if it leaves a top-level window open (as napari's tests do): an open
    dialog or page would go on reacting to signals and background results of later tests."""
    if request.node.get_closest_marker("gui") is None:
        yield
        return
    from PySide6.QtWidgets import QApplication

    before = set(QApplication.topLevelWidgets())
    yield  # torn down after the test's own fixtures: qtbot has closed what it was given
    left = [w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()]
    for widget in left:
        widget.close()
    assert not left, f"windows left open: {[type(w).__name__ for w in left]}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """A window test's background work finishes before its fixtures are torn down (a database
    disposed under a running load crashes) and before the next test starts (no late result
    reaches a page that its own test already closed). Then what came due for the garbage
    collector is collected here, on the main thread, never by a worker thread that allocates
    (core.collector)."""
    if item.get_closest_marker("gui") is not None:
        from gui.tasks import settle

        settle()  # including work that a result started
    yield
    collect_due()


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    """Tests read English messages unless they ask for Chinese."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(scope="session")
def pg_url(request: pytest.FixtureRequest) -> str:
    url = request.config.getoption("--pg-url")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must run the PostgreSQL tests: BANGFU_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL here: set BANGFU_TEST_PG_URL to run these tests")
    return str(url)


def _pg_database(base_url: str, name: str) -> str:
    """A PostgreSQL database of the tests' own, emptied: returns its URL."""
    url = make_url(base_url)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session", params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One migrated database per backend for the whole run; tests roll back (see ``session``)."""
    if request.param == "sqlite":
        db = open_database(str(tmp_path_factory.mktemp("db") / "bangfu.db"))
    else:
        db = open_database(_pg_database(request.getfixturevalue("pg_url"), "bangfu_test"))
    yield db
    db.dispose()


@pytest.fixture
def session(database: Database) -> Iterator[Session]:
    """A session inside an outer transaction that is rolled back: each test starts clean."""
    with database.engine.connect() as connection:
        outer = connection.begin()
        session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
        yield session
        session.close()
        outer.rollback()


@pytest.fixture(params=BACKENDS)
def empty_db_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """The URL of a brand-new empty database, for tests of whole commands."""
    if request.param == "sqlite":
        return str(tmp_path / "fresh.db")
    return _pg_database(request.getfixturevalue("pg_url"), "bangfu_fresh")


@pytest.fixture
def registry_db(tmp_path, qapp):  # type: ignore[no-untyped-def]
    """For window tests: a SQLite database holding the sample registry, the window in Chinese."""
    from catalog.importing import import_file
    from catalog.kinds import registry_kinds
    from gui.app import install_translations
    from tests.factories import ADMIN
    from tests.files import REGISTRY, SAMPLES

    translators = install_translations(qapp, "zh")
    database = open_database(str(tmp_path / "window.db"))
    with database.session() as session, session.begin():
        for kind in REGISTRY:
            import_file(session, ADMIN, registry_kinds()[kind], SAMPLES / f"{kind}.csv")
    yield database
    database.dispose()
    for translator in translators:
        qapp.removeTranslator(translator)
