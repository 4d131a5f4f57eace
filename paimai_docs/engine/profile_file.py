"""The format of a profile file (``rules/profiles/*.yaml`` and the user's own), as pydantic
models: imported only when a profile file is read (a check with a built-in profile reads the
validated profile kept in the cache folder, :mod:`.profiles`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

__all__ = ["NoticeNames", "ProfileFile"]

# a name printed on the 补正通知书: not blank, one line, of a sensible length
NoticeName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=r"^[^\n]+$")
]


class NoticeNames(BaseModel):
    """``notice:`` of a profile: the names the 补正通知书 prints (the command line's
    ``--issuer``, ``--addressee`` and ``--case-name`` win over them)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    issuer: NoticeName | None = None  # 审核单位, who sends the notice
    addressee: NoticeName | None = None  # 报送单位, who receives it
    case_name: NoticeName | None = None  # the name of the matter, quoted in the notice


class ProfileFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    schema_version: Literal[1]
    id: str
    title: str
    scope: str | None = None
    extends: str | None = None
    description: str = ""
    params: dict[str, Any] = Field(default_factory=dict)
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    rule_params: dict[str, dict[str, Any]] = Field(default_factory=dict)
    notice: NoticeNames | None = None
