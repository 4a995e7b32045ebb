"""The ``file`` action: copy, move, delete or write a file below an operator's root directory.

A job's path was checked when the job was written (``domain.files.check_path``: relative,
no ``..``); here it is walked one directory at a time from a descriptor of the root, each
step opened relative to the last with ``O_NOFOLLOW | O_DIRECTORY`` — so a symbolic link
anywhere in the path is refused, not followed, and a directory renamed or swapped for a link
while the job runs cannot take it outside its root (there is no second lookup of the whole
path to race with). The file itself is checked with ``lstat`` and opened with ``O_NOFOLLOW``
(a source must be a regular file: no links, devices or FIFOs), and the descriptor's
``fstat`` must match what was checked.

New content is written to a temporary file beside the destination and then published in one
step: ``link`` when the destination must not exist yet (fails if it appeared meanwhile; no
clobbering), ``rename`` when it may be replaced (replaces the directory entry, never follows
it). A reader never sees half a file, and a failure leaves no partial file behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator, Mapping
from typing import Any

from agentcron.app.domain.files import SETTING, FileRoot, check_path, describe
from agentcron.app.domain.http_action import render
from agentcron.app.executors.base import ExecutionFailed, Outcome, RunContext
from agentcron.app.executors.http import template_scope

#: file operations at once per worker (each holds a thread while it works)
FILE_CONCURRENCY = 4
_CHUNK = 1024 * 1024
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


class FileJobError(Exception):
    def __init__(self, message: str, *, retryable: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.retryable = retryable


class FileExecutor:
    def __init__(self, roots: Mapping[str, FileRoot]) -> None:
        self.roots = roots

    async def execute(self, action: dict[str, Any], context: RunContext) -> Outcome:
        spec = dict(action.get("file") or {})
        if spec.get("operation") == "write":
            # templates are filled in here, on the event loop; the bytes are written in a thread
            spec["content"] = render(spec.get("content") or "", template_scope(context))
        try:
            data = await asyncio.to_thread(self.apply, spec)
        except FileJobError as error:
            raise ExecutionFailed(error.message, retryable=error.retryable) from None
        except OSError as error:  # permissions, a full disk: the host's, maybe passing
            where = f"{spec.get('root')}:{spec.get('path')}"
            raise ExecutionFailed(
                f"file {spec.get('operation')} {where} failed: {error.strerror or error}"
            ) from None
        return Outcome(output=describe({**spec, **data}, data.get("bytes")), data=data)

    # -- the operations (blocking; run in a thread) -----------------------------------------

    def apply(self, spec: Mapping[str, Any]) -> dict[str, Any]:
        operation = spec.get("operation")
        root = self._root(spec.get("root"), write=operation != "copy")
        parts = _parts(spec.get("path"), "path")
        data: dict[str, Any] = {"operation": operation, "root": root.name, "path": spec["path"]}
        if operation == "write":
            content = str(spec.get("content") or "").encode("utf-8", errors="surrogateescape")
            if len(content) > root.max_bytes:
                raise FileJobError(
                    f"the content is {len(content):,} bytes, over the {root.max_bytes:,} the "
                    f"root {root.name!r} takes"
                )
            with _directory(root, parts[:-1], create=True) as folder:
                replaced = _publish(
                    folder,
                    parts[-1],
                    lambda out: _write_all(out, content),
                    overwrite=bool(spec.get("overwrite")),
                    where=f"{root.name}:{spec['path']}",
                )
            return {**data, "bytes": len(content), "replaced": replaced}
        if operation == "delete":
            try:
                with _directory(root, parts[:-1], create=False) as folder:
                    size = _delete(folder, parts[-1], f"{root.name}:{spec['path']}")
            except FileNotFoundError:
                if not spec.get("missing_ok"):
                    raise FileJobError(f"{root.name}:{spec['path']} does not exist") from None
                size = None
            return {**data, "bytes": size, "deleted": size is not None}
        if operation in ("copy", "move"):
            target = self._root(spec.get("to_root") or spec.get("root"), write=True)
            to = _parts(spec.get("to"), "to")
            data.update(to_root=target.name, to=spec["to"])
            try:
                with _directory(root, parts[:-1], create=False) as source_dir:
                    if operation == "move":
                        size, replaced = _move(source_dir, parts[-1], target, to, spec)
                    else:
                        size, replaced = _copy(source_dir, parts[-1], target, to, spec)
            except FileNotFoundError:
                raise FileJobError(
                    f"{root.name}:{spec['path']} does not exist", retryable=True
                ) from None
            return {**data, "bytes": size, "replaced": replaced}
        raise FileJobError(f"unknown file operation {operation!r}")

    def _root(self, name: Any, *, write: bool) -> FileRoot:
        root = self.roots.get(name) if isinstance(name, str) else None
        if root is None:
            raise FileJobError(
                f"the root {name!r} is not allowed on this service (the operator lists root "
                f"directories in {SETTING})"
            )
        if write and not root.writable:
            raise FileJobError(f"the root {root.name!r} is read-only on this service")
        return root


def _parts(path: Any, field: str) -> tuple[str, ...]:
    """The path's names, checked again: the job was written under the same rule, but the
    stored row is not trusted to have been."""
    parts, problem = check_path(path, field)
    if problem is not None:
        raise FileJobError(f"{field} {problem.reason}")
    return parts


@contextlib.contextmanager
def _directory(root: FileRoot, parts: tuple[str, ...], *, create: bool) -> Iterator[int]:
    """A descriptor of the directory ``parts`` below ``root``, reached one name at a time
    without following a link; missing directories are made when ``create``. Closed after."""
    try:
        fd = os.open(root.path, _DIR_FLAGS)
    except OSError as error:
        raise FileJobError(
            f"the root {root.name!r} cannot be opened ({error.strerror})", retryable=True
        ) from None
    try:
        for index, part in enumerate(parts):
            where = "/".join(parts[: index + 1])
            try:
                following = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, 0o755, dir_fd=fd)
                following = _open_step(part, fd, root, where)
            except OSError as error:
                raise _step_error(error, fd, part, root, where) from None
            os.close(fd)
            fd = following
        yield fd
    finally:
        os.close(fd)


def _open_step(part: str, fd: int, root: FileRoot, where: str) -> int:
    try:
        return os.open(part, _DIR_FLAGS, dir_fd=fd)
    except OSError as error:
        raise _step_error(error, fd, part, root, where) from None


def _step_error(error: OSError, fd: int, part: str, root: FileRoot, where: str) -> FileJobError:
    """Why the directory ``part`` (``where``) could not be entered: a link is told apart
    from a file (O_NOFOLLOW with O_DIRECTORY says ENOTDIR for both on Linux)."""
    link = False
    with contextlib.suppress(OSError):
        link = stat.S_ISLNK(os.stat(part, dir_fd=fd, follow_symlinks=False).st_mode)
    if link or error.errno == errno.ELOOP:
        return FileJobError(f"{root.name}:{where} is a symbolic link, which file jobs never follow")
    if error.errno == errno.ENOTDIR:
        return FileJobError(f"{root.name}:{where} is not a directory")
    return FileJobError(f"{root.name}:{where}: {error.strerror}", retryable=True)


def _regular(folder: int, name: str, root: FileRoot, path: str) -> os.stat_result:
    """The status of the file ``name`` in ``folder``, which must be a regular file."""
    info = os.stat(name, dir_fd=folder, follow_symlinks=False)
    if stat.S_ISLNK(info.st_mode):
        raise FileJobError(f"{root.name}:{path} is a symbolic link, which file jobs never follow")
    if stat.S_ISDIR(info.st_mode):
        raise FileJobError(f"{root.name}:{path} is a directory (file jobs work on files)")
    if not stat.S_ISREG(info.st_mode):
        raise FileJobError(f"{root.name}:{path} is not a regular file")
    return info


def _open_source(folder: int, name: str, root: FileRoot, path: str) -> tuple[int, int]:
    """(descriptor, size) of a regular file opened without following a link; the file
    opened is the one checked (same device and inode), or the job fails."""
    checked = _regular(folder, name, root, path)
    try:
        fd = os.open(
            name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=folder
        )
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise FileJobError(
                f"{root.name}:{path} is a symbolic link, which file jobs never follow"
            ) from None
        raise
    opened = os.fstat(fd)
    if (opened.st_dev, opened.st_ino) != (checked.st_dev, checked.st_ino) or not stat.S_ISREG(
        opened.st_mode
    ):
        os.close(fd)
        raise FileJobError(f"{root.name}:{path} changed while it was being opened", retryable=True)
    return fd, opened.st_size


def _write_all(out: int, content: bytes) -> int:
    view = memoryview(content)
    while view:
        written = os.write(out, view)
        view = view[written:]
    return len(content)


def _publish(folder: int, name: str, fill: Any, *, overwrite: bool, where: str) -> bool:
    """Write a temporary file in ``folder`` with ``fill(fd)``, then make it ``name`` (shown
    as ``where``): without replacing anything unless ``overwrite``. True when a file was
    replaced."""
    existing = _existing(folder, name)
    if existing is not None:
        if stat.S_ISDIR(existing.st_mode):
            raise FileJobError(f"{where} is a directory")
        if stat.S_ISLNK(existing.st_mode):
            raise FileJobError(f"{where} is a symbolic link, which file jobs never replace")
        if not overwrite:
            raise FileJobError(f"{where} already exists (set overwrite: true to replace it)")
    temporary = f".agentcron-{secrets.token_hex(8)}.tmp"
    fd = os.open(
        temporary,
        os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
        0o644,
        dir_fd=folder,
    )
    try:
        try:
            fill(fd)
            os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.rename(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
        else:
            try:
                os.link(
                    temporary, name, src_dir_fd=folder, dst_dir_fd=folder, follow_symlinks=False
                )
            except FileExistsError:
                raise FileJobError(
                    f"{where} already exists (set overwrite: true to replace it)"
                ) from None
        with contextlib.suppress(OSError):
            os.fsync(folder)
        return existing is not None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary, dir_fd=folder)


def _existing(folder: int, name: str) -> os.stat_result | None:
    try:
        return os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return None


def _copy_bytes(source: int, out: int, limit: int, where: str) -> int:
    copied = 0
    while chunk := os.read(source, _CHUNK):
        copied += len(chunk)
        if copied > limit:
            raise FileJobError(f"{where} grew over {limit:,} bytes while it was copied")
        _write_all(out, chunk)
    return copied


def _copy(
    source_dir: int, name: str, target: FileRoot, to: tuple[str, ...], spec: Mapping[str, Any]
) -> tuple[int, bool]:
    spec = {**spec, "to_root": target.name}
    where = f"{spec['root']}:{spec['path']}"
    source, size = _open_source(source_dir, name, _named(spec["root"]), spec["path"])
    try:
        if size > target.max_bytes:
            raise FileJobError(
                f"{where} is {size:,} bytes, over the {target.max_bytes:,} the root "
                f"{target.name!r} takes"
            )
        with _directory(target, to[:-1], create=True) as folder:
            copied: list[int] = []
            replaced = _publish(
                folder,
                to[-1],
                lambda out: copied.append(_copy_bytes(source, out, target.max_bytes, where)),
                overwrite=bool(spec.get("overwrite")),
                where=f"{target.name}:{spec['to']}",
            )
        return copied[0], replaced
    finally:
        os.close(source)


def _move(
    source_dir: int, name: str, target: FileRoot, to: tuple[str, ...], spec: Mapping[str, Any]
) -> tuple[int, bool]:
    spec = {**spec, "to_root": target.name}
    root = _named(spec["root"])
    info = _regular(source_dir, name, root, spec["path"])
    if info.st_size > target.max_bytes:
        raise FileJobError(
            f"{spec['root']}:{spec['path']} is {info.st_size:,} bytes, over the "
            f"{target.max_bytes:,} the root {target.name!r} takes"
        )
    destination = f"{target.name}:{spec['to']}"
    with _directory(target, to[:-1], create=True) as folder:
        existing = _existing(folder, to[-1])
        if existing is not None:
            if stat.S_ISDIR(existing.st_mode):
                raise FileJobError(f"{destination} is a directory")
            if stat.S_ISLNK(existing.st_mode):
                raise FileJobError(
                    f"{destination} is a symbolic link, which file jobs never replace"
                )
            if not spec.get("overwrite"):
                raise FileJobError(
                    f"{destination} already exists (set overwrite: true to replace it)"
                )
        try:
            if spec.get("overwrite"):
                os.rename(name, to[-1], src_dir_fd=source_dir, dst_dir_fd=folder)
            else:
                os.link(
                    name, to[-1], src_dir_fd=source_dir, dst_dir_fd=folder, follow_symlinks=False
                )
                os.unlink(name, dir_fd=source_dir)
        except FileExistsError:
            raise FileJobError(
                f"{destination} already exists (set overwrite: true to replace it)"
            ) from None
        except OSError as error:
            if error.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK):
                raise
            # another file system (or one without hard links): copy, then remove the source
            size, replaced = _copy(source_dir, name, target, to, spec)
            _delete(source_dir, name, f"{spec['root']}:{spec['path']}")
            return size, replaced
        with contextlib.suppress(OSError):
            os.fsync(folder)
    return info.st_size, existing is not None


def _delete(folder: int, name: str, where: str) -> int:
    """Remove the regular file ``name`` (a link is refused, not followed: ``unlink`` would
    remove only the link in any case). Its size."""
    info = os.stat(name, dir_fd=folder, follow_symlinks=False)
    if stat.S_ISLNK(info.st_mode):
        raise FileJobError(f"{where} is a symbolic link, which file jobs never follow")
    if stat.S_ISDIR(info.st_mode):
        raise FileJobError(f"{where} is a directory (file jobs delete files only)")
    if not stat.S_ISREG(info.st_mode):
        raise FileJobError(f"{where} is not a regular file")
    os.unlink(name, dir_fd=folder)
    return info.st_size


def _named(name: str) -> FileRoot:
    """A stand-in root for messages (the real one was checked by the caller)."""
    return FileRoot(name=name, path="/")
