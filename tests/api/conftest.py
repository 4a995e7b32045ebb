from tests.fakes.openai_server import _openai_server_session, openai_server

__all__ = ["_openai_server_session", "openai_server"]
