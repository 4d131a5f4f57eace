"""The class of what is sold — ``property_class``: ``movable``, ``immovable`` or
``property_right`` (the values of :class:`~paimai_docs.models.enums.PropertyClass`), on which
the lead times of court and online sales depend.

Read from a label (``财产类别：不动产``, ``标的类别：动产``; one fact per labelled lot), else
from the words that describe the lots: a flat, a shop, land or a floor area (房产, 住宅, 商铺,
土地使用权, 建筑面积, ㎡ …) is immovable; a vehicle, equipment, stock or works of art
(车辆, 机动车, 设备, 存货, 字画 …) movable; shares, claims, mining, operating, lease or
intellectual-property rights (股权, 债权, 采矿权, 经营权, 租赁权, 商标, 专利 …) a property
right. From the words only when one
class alone is named: a document that names two (a lease of a shop names both the shop and the
lease right) gives none, since a wrong class would change the lead time a rule requires.
"""

from __future__ import annotations

from .. import rx
from .facts_base import _Doc, _Facts

__all__ = ["property_class"]

_LABELLED = rx.compile(
    r"(?P<label>财产类别|标的类别|财产类型|标的类型|资产类别)(?:\([^()]*\))?[::]?"
    r"(?P<value>不动产|动产|其他财产权利?|财产权利|财产权)"
)
_VALUES = {"不动产": "immovable", "动产": "movable"}
_CUES = (
    (
        "property_right",
        rx.compile(
            r"股权|债权|采矿权|探矿权|经营权|租赁权|承租权|收益权|商标(?:专用)?权|商标|专利权?"
            r"|著作权|特许经营权"
        ),
    ),
    (
        "immovable",
        rx.compile(
            r"房产|房屋|住宅|商铺|商业用房|厂房|写字楼|土地使用权|用地使用权|建设用地|不动产"
            r"|建筑面积|㎡|车位"
        ),
    ),
    (
        "movable",
        rx.compile(
            r"车辆|机动车|轿车|客车|货车|挂车|设备|机器|存货|库存|钢材|原材料|字画|书画|瓷器|"
            r"艺术品|家具|电子产品|物资"
        ),
    ),
)


def property_class(doc: _Doc, facts: _Facts) -> None:
    text = doc.text
    labelled = False
    for match in _LABELLED.finditer(text):
        word = match.group("value")
        value = _VALUES.get(word, "property_right")
        facts.add("property_class", value, match.start(), match.end(), match.group("label"))
        labelled = True
    if labelled:
        return
    found = []
    for value, pattern in _CUES:
        cue = pattern.search(text)
        if cue is not None:
            found.append((value, cue))
    if len(found) == 1:
        value, cue = found[0]
        facts.add("property_class", value, cue.start(), cue.end(), cue.group(0), 2)
