"""Reading a ``.qdpx`` archive without trusting it.

Nothing is extracted to disk: members are read into memory by name. Before
anything is read, the whole archive is refused if a member's path could
escape a folder (absolute, a drive, ``..``), if a member is a symbolic link
(whose "content" is a path, anywhere), if it has absurdly many members,
if the sizes it declares add up to more than :data:`MAX_TOTAL`, or if a large
member claims to expand more than :data:`MAX_RATIO` times (a zip bomb). Reads
never go past the declared size, so a member that lies about it is cut short
and fails its checksum.

Members are known by their names normalised once: ``\\`` (as Windows programs
write it) becomes ``/`` and ``.`` parts go (``./project.qde``); two members
with one such name are refused as ambiguous. Escapes are refused either way.
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from annotator.errors import ValidationError
from annotator.exchange.common import INTERNAL, PROJECT_FILE, SOURCES_FOLDER

#: What all members may expand to together.
MAX_TOTAL = 1 << 30
#: How much a member over :data:`_RATIO_FROM` bytes may expand (text deflates ~3-10x).
MAX_RATIO = 200
_RATIO_FROM = 1 << 20
MAX_MEMBERS = 100_000
_DRIVE = re.compile(r"^[A-Za-z]:")


class QdpxArchive:
    """The members of a checked ``.qdpx`` (``with contextlib.closing(…)``)."""

    def __init__(self, path: Path) -> None:
        self.name = Path(path).name
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as error:
            raise ValidationError(f"{self.name}: 不是 zip 文件 / is not a zip file") from error
        except OSError as error:
            raise ValidationError(f"无法读取 / Cannot read {path}: {error.strerror}") from error
        try:
            self._members = _checked(self._zip, self.name)
        except BaseException:
            self._zip.close()
            raise

    def close(self) -> None:
        self._zip.close()

    def project_xml(self) -> bytes:
        """``project.qde`` (or the one ``.qde`` file at the top, as some programs name it)."""
        found = [n for n in self._members if "/" not in n and n.lower().endswith(".qde")]
        name = PROJECT_FILE if PROJECT_FILE in self._members else None
        if name is None and len(found) == 1:
            name = found[0]
        if name is None:
            raise ValidationError(f"{self.name}: 缺少 project.qde / has no project.qde")
        return self._read(name)

    def source(self, path: str) -> bytes:
        """The file an ``internal://`` path names, in ``sources/`` (or ``Sources/``)."""
        relative = path[len(INTERNAL) :] if path.startswith(INTERNAL) else path
        relative = relative.lstrip("/")
        parts = re.split(r"[\\/]", relative)
        if not relative or ".." in parts or _DRIVE.match(relative):
            raise ValidationError(f"{self.name}: 来源路径无效 / Bad source path {path!r}")
        for candidate in (_normal(relative), _normal(unquote(relative))):
            for member in self._members:
                folder, _, rest = member.partition("/")
                if folder.lower() == SOURCES_FOLDER and rest == candidate:
                    return self._read(member)
        raise ValidationError(f"{self.name}: 缺少来源文件 / The source file {path!r} is missing")

    def _read(self, member: str) -> bytes:
        info = self._members[member]
        try:
            with self._zip.open(info) as stream:
                return stream.read(info.file_size + 1)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error) as error:
            raise ValidationError(
                f"{self.name}: 无法读取 {member} / Cannot read {member} ({error})"
            ) from error


def _checked(archive: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    """Every member by name, once the archive as a whole passed the checks."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ValidationError(f"{name}: 文件数过多 / holds too many files ({len(infos)})")
    if sum(info.file_size for info in infos) > MAX_TOTAL:
        raise ValidationError(f"{name}: 解压后过大 / expands to more than {MAX_TOTAL >> 30} GiB")
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if _escapes(info.filename):
            raise ValidationError(
                f"{name}: 含越界路径 / holds a path outside the archive: {info.filename!r}"
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            raise ValidationError(
                f"{name}: 含符号链接 / holds a link, not a file: {info.filename!r}"
            )
        large = info.file_size > _RATIO_FROM
        if large and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ValidationError(
                f"{name}: {info.filename} 压缩比异常（zip 炸弹？）/ expands suspiciously "
                f"({info.file_size} bytes from {info.compress_size})"
            )
        member = _normal(info.filename)
        if info.is_dir() or info.filename.endswith("\\") or not member:
            continue
        if member in members:
            raise ValidationError(f"{name}: 含同名文件 / holds two files named {member!r}")
        members[member] = info
    return members


def _normal(member: str) -> str:
    """``member`` with ``/`` between its parts and no empty or ``.`` parts."""
    return "/".join(part for part in member.replace("\\", "/").split("/") if part not in ("", "."))


def _escapes(member: str) -> bool:
    """True for a path that is absolute, names a drive, or climbs with ``..``."""
    if not member or "\x00" in member or member.startswith(("/", "\\")) or _DRIVE.match(member):
        return True
    return ".." in PurePosixPath(member.replace("\\", "/")).parts
