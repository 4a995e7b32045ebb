from tests.fakes.sink import connection_log, sink
from tests.fakes.slack_server import fake_slack

__all__ = ["connection_log", "fake_slack", "sink"]
