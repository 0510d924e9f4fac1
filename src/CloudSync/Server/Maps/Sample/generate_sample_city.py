#!/usr/bin/env python3
"""Writes sample-city.json: an invented city around 30.2741 N, 120.1551 E for the reference server.

Everything here is made up (names, places, roads, traffic); it is sample data, not a map.
Deterministic: the same script always writes the same file. Run: python3 generate_sample_city.py
"""
import json
import math
import os
import random

rng = random.Random(20261123)
CENTER = (30.2741, 120.1551)
STEP_M = 900.0  # grid spacing
N = 9  # 9x9 intersections
M_PER_DEG_LAT = 111_320.0
M_PER_DEG_LON = 111_320.0 * math.cos(math.radians(CENTER[0]))

EW_NAMES = ["北环大道", "文晖路", "潮鸣路", "凤栖路", "清泰街", "梧桐路", "望江路", "钱塘路", "南环大道"]
NS_NAMES = ["西环大道", "松柏路", "玉泉路", "湖滨路", "中山街", "枫林路", "秋水路", "运河路", "东环大道"]


def point(ix, iy):
    dx = (ix - (N - 1) / 2) * STEP_M
    dy = (iy - (N - 1) / 2) * STEP_M
    return round(CENTER[0] + dy / M_PER_DEG_LAT, 6), round(CENTER[1] + dx / M_PER_DEG_LON, 6)


nodes = []
for iy in range(N):
    for ix in range(N):
        lat, lon = point(ix, iy)
        nodes.append({"id": iy * N + ix, "lat": lat, "lon": lon})

edges = []


def add_edge(a, b, road, kind, speed, busy, toll=False):
    edges.append({"from": a, "to": b, "road": road, "kind": kind, "speedKmh": speed,
                  "busyness": round(busy, 2), "toll": toll})


# City streets on the grid; the outer ring is an elevated highway (高架), the middle avenues are arterials.
for iy in range(N):
    for ix in range(N - 1):
        a, b = iy * N + ix, iy * N + ix + 1
        if iy in (0, N - 1):
            add_edge(a, b, "北环高架" if iy else "南环高架", "highway", 80, rng.uniform(0.3, 0.5))
        elif iy == N // 2:
            add_edge(a, b, EW_NAMES[iy], "arterial", 50, rng.uniform(0.6, 0.9))
        else:
            add_edge(a, b, EW_NAMES[iy], "street", 40, rng.uniform(0.3, 0.7))
for ix in range(N):
    for iy in range(N - 1):
        a, b = iy * N + ix, (iy + 1) * N + ix
        if ix in (0, N - 1):
            add_edge(a, b, "东环高架" if ix else "西环高架", "highway", 80, rng.uniform(0.3, 0.5))
        elif ix == N // 2:
            add_edge(a, b, NS_NAMES[ix], "arterial", 50, rng.uniform(0.6, 0.9))
        else:
            add_edge(a, b, NS_NAMES[ix], "street", 40, rng.uniform(0.3, 0.7))
# A tolled expressway from the east ring to an airport out east, and a free old road beside it.
east_mid = (N // 2) * N + (N - 1)
prev = east_mid
old_prev = (N // 2 + 1) * N + (N - 1)
for k in range(1, 6):
    lat, lon = point(N - 1 + k * 2, N // 2)
    nid = len(nodes)
    nodes.append({"id": nid, "lat": lat, "lon": lon})
    add_edge(prev, nid, "机场高速", "highway", 100, 0.2, toll=True)
    prev = nid
    olat, olon = point(N - 1 + k * 2, N // 2 + 1)
    oid = len(nodes)
    nodes.append({"id": oid, "lat": olat, "lon": olon})
    add_edge(old_prev, oid, "机场老路", "street", 40, 0.5)
    add_edge(oid, nid, "机场连接线", "street", 40, 0.3)
    old_prev = oid
airport_node = prev

CUISINES = {
    "川菜": (["蜀香", "巴蜀人家", "川味坊", "麻辣江湖", "锦城", "蓉城小馆", "辣妹子", "天府"], ["川菜馆", "川菜", "家常菜"], (2, 3)),
    "粤菜": (["粤海", "岭南", "广式", "港湾", "珠江", "茶香"], ["茶餐厅", "粤菜馆", "烧腊"], (2, 4)),
    "火锅": (["老灶", "沸腾", "锅语", "九宫格", "围炉"], ["火锅", "老火锅", "涮肉"], (2, 3)),
    "面馆": (["阿婆", "老街", "一碗", "片儿川", "桥头"], ["面馆", "拉面", "面铺"], (1, 1)),
    "快餐": (["速味", "便当", "快乐", "邻家", "小满"], ["快餐", "简餐", "盒饭"], (1, 1)),
    "日料": (["樱之", "和风", "鮨", "月见", "松竹"], ["日料", "寿司", "居酒屋"], (3, 4)),
    "西餐": (["蓝桥", "橄榄", "边境", "星河"], ["西餐厅", "牛排馆", "意面坊"], (3, 4)),
    "本帮菜": (["弄堂", "石库门", "老上海", "浓油赤酱"], ["本帮菜", "本帮私房菜"], (2, 3)),
    "杭帮菜": (["西溪", "湖畔", "外婆家常", "江南"], ["杭帮菜", "小馆"], (2, 3)),
}
OTHER = {
    "gas_station": (["中油", "石化", "路通", "畅行"], ["加油站"], 14),
    "charging_station": (["闪充", "绿电", "快电", "星充"], ["充电站", "超充站"], 16),
    "parking": (["市民", "中心", "广场", "地下"], ["停车场", "停车库"], 20),
    "restroom": (["公共", "街角", "公园"], ["卫生间", "公厕"], 14),
    "coffee": (["拾光", "慢岛", "咖啡树", "角落", "晨曦"], ["咖啡", "咖啡馆"], 22),
    "hotel": (["湖景", "悦来", "云栖", "城市之光", "清风"], ["酒店", "宾馆", "客栈"], 18),
}
SCENIC = [
    ("镜湖公园", ["自然", "亲子"]), ("白鹭洲湿地", ["自然", "自驾"]), ("古塔山", ["自然", "人文"]),
    ("城隍老街", ["人文", "美食"]), ("科技馆", ["亲子"]), ("动物乐园", ["亲子"]), ("茶山云谷", ["自然", "自驾"]),
    ("运河古镇", ["人文", "美食"]), ("植物园", ["自然", "亲子"]), ("美食夜市", ["美食"]), ("竹海步道", ["自然", "自驾"]),
    ("博物馆", ["人文", "亲子"]), ("东湖渔村", ["美食", "自驾"]), ("星空露营地", ["自驾", "自然"]),
    ("老码头", ["人文"]), ("梅园", ["自然"]), ("水上乐园", ["亲子"]), ("书院旧址", ["人文"]),
]

places = []
roads_for_address = EW_NAMES + NS_NAMES


def jitter_position(radius_m):
    r = radius_m * math.sqrt(rng.random())
    a = rng.random() * 2 * math.pi
    return (round(CENTER[0] + r * math.sin(a) / M_PER_DEG_LAT, 6), round(CENTER[1] + r * math.cos(a) / M_PER_DEG_LON, 6))


def hours(category):
    if category in ("gas_station", "charging_station", "parking", "restroom", "hotel"):
        return "00:00-24:00"
    if category == "coffee":
        return rng.choice(["07:30-21:00", "08:00-22:00", "09:00-20:00"])
    if category == "scenic":
        return rng.choice(["08:00-17:30", "06:00-22:00", "00:00-24:00"])
    return rng.choice(["10:00-22:00", "11:00-14:00,17:00-21:30", "10:30-21:00", "17:00-02:00", "06:30-14:00", "00:00-24:00"])


used = set()


def unique(name):
    n, i = name, 2
    while n in used:
        n = f"{name}({i}店)" if "店" not in name else f"{name}{i}"
        i += 1
    used.add(n)
    return n


def add_place(category, name, cuisine="", price=0, pos=None, themes=None):
    lat, lon = pos or jitter_position(3600)
    pid = f"sc-{len(places) + 1:04d}"
    places.append({
        "id": pid, "name": unique(name), "category": category, "cuisine": cuisine,
        "lat": lat, "lon": lon, "rating": round(rng.uniform(3.4, 4.9), 1), "priceLevel": price,
        "hours": hours(category), "address": f"{rng.choice(roads_for_address)}{rng.randint(1, 399)}号",
        "themes": themes or [],
    })


for cuisine, (prefixes, suffixes, (lo, hi)) in CUISINES.items():
    for _ in range(22):
        add_place("food", rng.choice(prefixes) + rng.choice(suffixes), cuisine, rng.randint(lo, hi))
for category, (prefixes, suffixes, count) in OTHER.items():
    for _ in range(count):
        price = rng.randint(1, 4) if category in ("hotel", "coffee") else 0
        add_place(category, rng.choice(prefixes) + rng.choice(suffixes), "", price)
for name, themes in SCENIC:
    add_place("scenic", name, "", rng.randint(1, 2), jitter_position(12000), themes)
alat, alon = nodes[airport_node]["lat"], nodes[airport_node]["lon"]
add_place("scenic", "东郊机场", "", 0, (alat, alon), ["交通"])
places[-1]["category"] = "airport"
places[-1]["rating"] = 4.2
# Named landmarks the owner's words may use.
add_place("office", "云谷科技园", "", 0, point(7, 7), [])
add_place("residence", "梧桐里小区", "", 0, point(1, 2), [])

city = {
    "name": "示例城 (sample city)",
    "note": "Invented sample data for Car's reference server: not a real map.",
    "center": {"lat": CENTER[0], "lon": CENTER[1]},
    "nodes": nodes,
    "edges": edges,
    "places": places,
}
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sample-city.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(city, f, ensure_ascii=False, indent=0, separators=(",", ":"))
    f.write("\n")
print(f"{out}: {len(nodes)} nodes, {len(edges)} edges, {len(places)} places")
