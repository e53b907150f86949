package de.buergerbuero.indoor.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.buergerbuero.indoor.IndoorError;
import de.buergerbuero.indoor.model.Building;
import de.buergerbuero.indoor.model.Level;
import de.buergerbuero.indoor.model.NodeKind;
import de.buergerbuero.indoor.routing.IndoorRouter;
import de.buergerbuero.indoor.routing.Profile;
import de.buergerbuero.kernel.error.BuergerbueroException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OSM XML in the forms the OSM wiki and API 0.6 document, as JOSM saves a file that was never
 * uploaded: {@code <osm version="0.6" generator="JOSM" upload="false">}, negative ids, {@code
 * action="modify|delete"}, attributes in any order, and tags after Simple Indoor Tagging ({@code
 * indoor=room|corridor|area|door}, {@code level}, {@code ref}, {@code highway=elevator|steps},
 * {@code door=*}, {@code wheelchair=yes|no|limited}), rooms as closed ways and as multipolygon
 * relations. OSM data is ODbL-licensed, so the wiki's examples are not copied: every file here is
 * written from the documented rules (wiki pages Simple_Indoor_Tagging, Key:level, Key:door,
 * Key:wheelchair, Key:incline, Map_features/Units, JOSM_file_format, OSM_XML).
 */
@DisplayName("OSM indoor files in every documented form")
class OsmIndoorReaderFormsTest {

  /**
   * A small office wing drawn in JOSM and not uploaded: entrance -1, corridor way -10 on level 0,
   * steps -11 to level 1 (drawn downwards, incline=-30%), a lift -5 on levels 0 and 1, room "0.01
   * Bürgerbüro &amp; Kasse" as a closed way, room "1.01" as a multipolygon, one deleted node.
   */
  static String josmFile(String levelOfCorridor, String extraNodeTags) {
    return """
        <?xml version='1.0' encoding='UTF-8'?>
        <osm version="0.6" generator="JOSM" upload="false">
          <node id="-1" action="modify" visible="true" lat="51.7190000" lon="8.7540000">
            <tag k="entrance" v="main"/>
            <tag k="door" v="hinged"/>
            <tag k="wheelchair" v="yes"/>
          </node>
          <node lon="8.7541000" lat="51.7190000" id="-2" action="modify"/>
          <node id="-3" lat="51.7190000" lon="8.7542000" action="modify">
            <tag k="door" v="no"/>
          </node>
          <node id="-4" lat="51.7190900" lon="8.7542000" action="modify"/>
          <node id="-5" lat="51.7190000" lon="8.7543000" action="modify">
            <tag k="highway" v="elevator"/>
            <tag k="level" v="0;1"/>
            <tag k="width" v="1.1 m"/>
            <tag k="wheelchair" v="limited"/>
          </node>
          <node id="-6" lat="51.7189500" lon="8.7541000" action="modify">
            <tag k="indoor" v="door"/>
            <tag k="width" v="2'11&quot;"/>
          </node>
          <node id="-7" lat="51.7189000" lon="8.7540500" action="modify"/>
          <node id="-8" lat="51.7189000" lon="8.7541500" action="modify"/>
          <node id="-9" lat="51.7190900" lon="8.7543000" action="modify"/>
          <node id="-20" lat="51.7191500" lon="8.7542000" action="modify"/>
          <node id="-21" lat="51.7191500" lon="8.7543000" action="modify"/>
          <node id="-99" lat="51.7200000" lon="8.7600000" action="delete">
            <tag k="entrance" v="main"/>
          </node>
          <node id="4711" visible="false" version="3" changeset="1"/>
          <way id="-10" action="modify">
            <nd ref="-1"/><nd ref="-2"/><nd ref="-3"/><nd ref="-5"/>
            <tag k="highway" v="corridor"/>
            <tag k="indoor" v="yes"/>
            <tag k="level" v="%s"/>
          </way>
          <way id="-12" action="modify">
            <nd ref="-2"/><nd ref="-6"/>
            <tag k="highway" v="footway"/>
            <tag k="level" v="0"/>
          </way>
          <way id="-11" action="modify">
            <nd ref="-4"/><nd ref="-3"/>
            <tag k="highway" v="steps"/>
            <tag k="incline" v="-30%%"/>
            <tag k="level" v="0;1"/>
          </way>
          <way id="-13" action="modify">
            <nd ref="-4"/><nd ref="-9"/><nd ref="-5"/>
            <tag k="highway" v="footway"/>
            <tag k="level" v="1"/>
          </way>
          <way id="-14" action="modify">
            <nd ref="-6"/><nd ref="-7"/><nd ref="-8"/><nd ref="-6"/>
            <tag k="indoor" v="room"/>
            <tag k="level" v="0"/>
            <tag k="ref" v="0.01"/>
            <tag k="name" v="B&#252;rgerb&#xFC;ro &amp; Kasse &quot;Mitte&quot;"/>
            %s
          </way>
          <way id="-15" action="modify">
            <nd ref="-4"/><nd ref="-20"/><nd ref="-21"/><nd ref="-9"/><nd ref="-4"/>
          </way>
          <way id="-16" action="delete">
            <nd ref="-4"/><nd ref="-20"/><nd ref="-21"/><nd ref="-4"/>
            <tag k="indoor" v="room"/>
            <tag k="level" v="1"/>
            <tag k="ref" v="1.01"/>
          </way>
          <relation id="-30" action="modify">
            <member type="way" ref="-15" role="outer"/>
            <tag k="type" v="multipolygon"/>
            <tag k="indoor" v="room"/>
            <tag k="level" v="1"/>
            <tag k="ref" v="1.01"/>
            <tag k="name" v="Standesamt"/>
          </relation>
        </osm>
        """
        .formatted(levelOfCorridor, extraNodeTags);
  }

  static Building read(String xml) {
    return read(xml.getBytes(StandardCharsets.UTF_8));
  }

  static Building read(byte[] bytes) {
    return OsmIndoorReader.read("wing", new ByteArrayInputStream(bytes));
  }

  static void refused(String xml, IndoorError code, String... messageParts) {
    assertThatThrownBy(() -> read(xml))
        .isInstanceOfSatisfying(
            BuergerbueroException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(code);
              assertThat(e.getMessage()).contains(messageParts);
            });
  }

  @Test
  @DisplayName(
      "a JOSM file with negative ids, action attributes and attributes in any order is read;"
          + " deleted elements are left out")
  void josmFile() {
    Building building = read(josmFile("0", ""));

    assertThat(building.rooms()).containsOnlyKeys("0.01", "1.01");
    assertThat(building.nodes()).doesNotContainKey("n-99@0").containsKey("n-1@0");
    assertThat(building.nodes().get(building.mainEntrance()).id()).isEqualTo("n-1@0");
    assertThat(building.levels()).extracting(Level::ordinal).containsExactly(0, 1);
  }

  @Test
  @DisplayName("names and refs with character and entity references are decoded")
  void entities() {
    assertThat(read(josmFile("0", "")).rooms().get("0.01").name())
        .isEqualTo("Bürgerbüro & Kasse \"Mitte\"");
  }

  @Test
  @DisplayName("a room drawn as a multipolygon relation (outer way) is a room")
  void multipolygonRoom() {
    var standesamt = read(josmFile("0", "")).rooms().get("1.01");
    assertThat(standesamt.name()).isEqualTo("Standesamt");
    assertThat(standesamt.level()).isEqualTo(1);
    assertThat(standesamt.node()).isEqualTo("n-4@1");
  }

  @Test
  @DisplayName("a closed way's repeated first node does not pull the room's centre")
  void closedWayCentre() {
    var room = read(josmFile("0", "")).rooms().get("0.01");
    // the centre of the triangle -6, -7, -8 is 0.00025° / 3 south of the origin (node -1);
    // counting the closing node -6 twice would put it at 0.0003° / 4 (8.3 m instead of 9.2 m)
    assertThat(room.y()).isCloseTo(-0.00025 / 3 * 110_540.0, within(0.01));
  }

  static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  @Test
  @DisplayName(
      "door=no is an opening, indoor=door a door; width in feet and inches is converted to metres")
  void doors() {
    Building building = read(josmFile("0", ""));
    assertThat(building.nodes().get("n-3@0").kind()).isEqualTo(NodeKind.WAYPOINT);
    assertThat(building.nodes().get("n-6@0").kind()).isEqualTo(NodeKind.DOOR);
    assertThat(building.nodes().get("n-6@0").width()).isCloseTo(0.889, within(0.001));
  }

  @Test
  @DisplayName(
      "steps with a negative incline climb against the way's direction; wheelchair=limited lifts"
          + " are usable in a wheelchair")
  void stepsAndLift() {
    Building building = read(josmFile("0", ""));
    // way -11 runs -4 → -3 with incline=-30%: -3 is the lower end (level 0), -4 the upper
    assertThat(building.nodes()).containsKeys("n-3@0", "n-4@1").doesNotContainKey("n-4@0");
    var route = new IndoorRouter(building).route(null, "1.01", Profile.WHEELCHAIR);
    assertThat(route.steps()).anySatisfy(s -> assertThat(s.text().de()).contains("Aufzug"));
  }

  @ParameterizedTest(name = "level={0} is understood")
  @CsvSource(
      delimiter = '|',
      value = {
        "0|0",
        "-1|-1",
        "0;1|0,1",
        "0; 1;2|0,1,2",
        "0-2|0,1,2",
        "-2--1|-2,-1",
        "-1;1-2|-1,1,2",
        "1.0|1"
      })
  void levelValues(String tag, String expected) {
    assertThat(OsmIndoorReader.levels(tag))
        .map(String::valueOf)
        .containsExactly(expected.split(","));
  }

  @ParameterizedTest(name = "level={0} is refused with a clear message")
  @ValueSource(strings = {"0.5", "1;1.5", "EG", "0;;1", "1-"})
  void levelValuesRefused(String tag) {
    assertThatThrownBy(() -> OsmIndoorReader.levels(tag))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(tag);
  }

  @Test
  @DisplayName("a mezzanine level on a walkway makes the building invalid, saying why")
  void mezzanine() {
    refused(josmFile("0.5", ""), IndoorError.BUILDING_INVALID, "0.5", "mezzanine");
  }

  @Test
  @DisplayName("a UTF-8 byte order mark before the XML declaration is accepted")
  void byteOrderMark() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.write(josmFile("0", "").getBytes(StandardCharsets.UTF_8));
    assertThat(read(bytes.toByteArray()).rooms()).containsKey("0.01");
  }

  @ParameterizedTest(name = "width={0} on a door is read as {1} m")
  @CsvSource({"0.9,0.9", "0.9 m,0.9", "90 cm,0.9", "'3''',0.9144", "'2''11\"',0.889"})
  void widths(String width, double metres) {
    String xml = josmFile("0", "").replace("2'11&quot;", width.replace("\"", "&quot;"));
    assertThat(read(xml).nodes().get("n-6@0").width()).isCloseTo(metres, within(0.001));
  }

  @Test
  @DisplayName("a width that is no length is refused rather than taken as wide enough")
  void widthRefused() {
    refused(
        josmFile("0", "").replace("2'11&quot;", "schmal"),
        IndoorError.BUILDING_INVALID,
        "node -6",
        "schmal");
  }

  @Test
  @DisplayName("a room way that is not closed is refused, naming the way")
  void openRoomWay() {
    refused(
        josmFile("0", "").replace("<nd ref=\"-8\"/><nd ref=\"-6\"/>", "<nd ref=\"-8\"/>"),
        IndoorError.BUILDING_INVALID,
        "room way -14",
        "not closed");
  }

  @Test
  @DisplayName("another root element or OSM XML version is refused")
  void notOsm06() {
    refused(
        "<osmChange version=\"0.6\"><create/></osmChange>",
        IndoorError.BUILDING_FILE_REJECTED,
        "osmChange");
    refused(
        josmFile("0", "").replace("version=\"0.6\"", "version=\"0.5\""),
        IndoorError.BUILDING_FILE_REJECTED,
        "0.5");
  }

  @Test
  @DisplayName("a node without coordinates or with a non-numeric id is refused, naming it")
  void brokenAttributes() {
    refused(
        "<osm version=\"0.6\"><node id=\"1\" lat=\"51.7\"/></osm>",
        IndoorError.BUILDING_FILE_REJECTED,
        "node 1 without lon");
    refused(
        "<osm version=\"0.6\"><node id=\"x\" lat=\"51.7\" lon=\"8.7\"/></osm>",
        IndoorError.BUILDING_FILE_REJECTED,
        "'x'");
    refused(
        "<osm version=\"0.6\"><node id=\"1\" lat=\"91\" lon=\"8.7\"/></osm>",
        IndoorError.BUILDING_FILE_REJECTED,
        "lat '91'");
  }

  @Test
  @DisplayName("an external entity is refused before it is resolved (XXE)")
  void externalEntity() {
    refused(
        "<?xml version=\"1.0\"?><!DOCTYPE osm [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
            + "<osm version=\"0.6\"><node id=\"1\" lat=\"0\" lon=\"0\"><tag k=\"name\" v=\"&x;\"/>"
            + "</node></osm>",
        IndoorError.BUILDING_FILE_REJECTED,
        "OSM-Datei nicht lesbar");
  }
}
