from tests.fakes.sink import sink

__all__ = ["sink"]
