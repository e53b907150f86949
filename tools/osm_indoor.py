"""Tiny helper to write OSM Simple Indoor Tagging files from local metre coordinates.

Used by tools/generate-musterstadt-rathaus.py (the reference app's sample town hall) and for the
indoor module's test building. Output is deterministic, so regenerated files diff cleanly.
"""
import math
from xml.sax.saxutils import quoteattr

LAT0, LON0 = 51.9600000, 7.6200000


class Osm:
    def __init__(self):
        self.nodes = []  # (id, x, y, tags)
        self.ways = []  # (id, [node ids], tags)
        self._next = 1

    def node(self, x, y, **tags):
        nid = self._next
        self._next += 1
        self.nodes.append((nid, x, y, tags))
        return nid

    def way(self, refs, **tags):
        wid = self._next
        self._next += 1
        self.ways.append((wid, list(refs), tags))
        return wid

    def write(self, path):
        def tag_lines(tags):
            return "".join(
                f'    <tag k={quoteattr(k.replace("__", ":"))} v={quoteattr(str(v))}/>\n'
                for k, v in tags.items())
        with open(path, "w", encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="buergerbuero tools/osm_indoor.py">\n')
            for nid, x, y, tags in self.nodes:
                lat = LAT0 + y / 110540.0
                lon = LON0 + x / (111320.0 * math.cos(math.radians(LAT0)))
                if tags:
                    f.write(f'  <node id="{nid}" lat="{lat:.8f}" lon="{lon:.8f}">\n{tag_lines(tags)}  </node>\n')
                else:
                    f.write(f'  <node id="{nid}" lat="{lat:.8f}" lon="{lon:.8f}"/>\n')
            for wid, refs, tags in self.ways:
                f.write(f'  <way id="{wid}">\n')
                for r in refs:
                    f.write(f'    <nd ref="{r}"/>\n')
                f.write(tag_lines(tags) + '  </way>\n')
            f.write('</osm>\n')
