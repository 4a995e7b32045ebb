"""The operator's settings for jobs that touch the host: AGENTCRON_SQL_CONNECTIONS and
AGENTCRON_PYTHON_FUNCTIONS, read once, each mistake named without quoting a URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentcron.app.cli import main
from agentcron.app.config import Settings, parse_python_functions, parse_sql_connections
from agentcron.app.domain.hostjobs import HostJobs, SqlConnection


def test_connections_are_named_urls_or_objects_with_read_only() -> None:
    connections = parse_sql_connections(
        '{"reports": "postgresql://reader:pw@db.internal/reports",'
        ' "local": "sqlite:////var/lib/app.db",'
        ' "replica": {"url": "postgres://r@replica/x", "read_only": true}}'
    )
    assert connections == {
        "reports": SqlConnection("reports", "postgresql"),
        "local": SqlConnection("local", "sqlite"),
        "replica": SqlConnection("replica", "postgresql", read_only=True),
    }
    assert connections["reports"].url == "postgresql+asyncpg://reader:pw@db.internal/reports"
    assert connections["replica"].url == "postgresql+asyncpg://r@replica/x"
    assert "pw" not in repr(connections)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "AGENTCRON_SQL_CONNECTIONS: not valid JSON"),
        ('["x"]', "AGENTCRON_SQL_CONNECTIONS: expected an object"),
        ('{"a b": "sqlite:///x.db"}', "connection 'a b': a name is 1-64"),
        (
            '{"r": "mysql://u:topsecret@h/db"}',
            "connection 'r': 'mysql' databases are not supported",
        ),
        ('{"r": "::nonsense::topsecret"}', "connection 'r': not a database URL"),
        ('{"r": 5}', "connection 'r': give a database URL"),
        ('{"r": "sqlite://"}', "connection 'r': give the SQLite file's path"),
        ('{"r": {"url": "sqlite:///x", "ro": true}}', "connection 'r': unknown key(s) ro"),
        ('{"r": {"url": "sqlite:///x", "read_only": 1}}', "read_only must be true or false"),
    ],
)
def test_a_bad_connection_is_refused_naming_it_not_its_url(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_sql_connections(text)
    assert message in str(caught.value)
    assert "topsecret" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("reports.daily:build", {"reports.daily:build"}),
        ("a:f, b.c:g  d:h", {"a:f", "b.c:g", "d:h"}),
        ('["pkg.mod:Class.method", "x:y"]', {"pkg.mod:Class.method", "x:y"}),
    ],
)
def test_functions_are_a_list_of_module_function_names(text: str, names: set[str]) -> None:
    assert parse_python_functions(text) == frozenset(names)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("os.system", "'os.system' is not a function named as module:function"),
        ("a:b; rm -rf /", "'a:b;' is not a function"),
        ('["a:b", 3]', "a JSON list of names"),
        ("[oops", "not a valid JSON list"),
    ],
)
def test_a_bad_function_name_is_refused_naming_it(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_python_functions(text)
    assert message in str(caught.value)


def test_settings_may_come_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "connections.json"
    path.write_text('{"local": "sqlite:///x.db"}')
    settings = Settings(sql_connections=f"@{path}", python_functions="a:b")
    host = settings.host_jobs()
    assert set(host.sql_connections) == {"local"} and host.python_functions == {"a:b"}
    missing = Settings(sql_connections=f"@{tmp_path / 'nope.json'}")
    with pytest.raises(ValueError, match="AGENTCRON_SQL_CONNECTIONS: cannot read"):
        missing.host_jobs()


def test_nothing_is_enabled_by_default() -> None:
    host = Settings().host_jobs()
    assert host == HostJobs()
    assert not host.enabled("sql") and not host.enabled("python")


def test_a_bad_setting_stops_the_cli_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTCRON_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("AGENTCRON_SQL_CONNECTIONS", '{"r": "oracle://u:topsecret@h/db"}')
    with pytest.raises(SystemExit) as caught:
        main(["migrate"])
    assert str(caught.value).startswith("agentcron: AGENTCRON_SQL_CONNECTIONS: connection 'r'")
    assert "topsecret" not in str(caught.value)
