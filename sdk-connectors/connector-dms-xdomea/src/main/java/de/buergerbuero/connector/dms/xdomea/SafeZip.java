package de.buergerbuero.connector.dms.xdomea;

import de.buergerbuero.kernel.error.MalformedRequestException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads ZIP files that come from outside (DMS replies) defensively: at most {@code maxEntries}
 * entries and {@code maxTotalBytes} uncompressed bytes (zip bombs), only plain file names in the
 * root (no {@code ../}, no absolute paths, no backslashes, no directories), no duplicates, no
 * symbolic links (Unix mode in the extra field). Everything else is refused before use.
 */
final class SafeZip {
  private final int maxEntries;
  private final long maxTotalBytes;

  SafeZip(int maxEntries, long maxTotalBytes) {
    this.maxEntries = maxEntries;
    this.maxTotalBytes = maxTotalBytes;
  }

  /** The entries by name, in ZIP order. */
  Map<String, byte[]> read(InputStream in) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        String name = e.getName();
        if (entries.size() == maxEntries) {
          throw refuse("more than " + maxEntries + " entries");
        }
        if (e.isDirectory()
            || name.isEmpty()
            || name.contains("/")
            || name.contains("\\")
            || name.contains("..")
            || name.contains(":")
            || name.chars().anyMatch(Character::isISOControl)) {
          throw refuse("entry name not allowed: " + printable(name));
        }
        if (!names.add(name.toLowerCase(java.util.Locale.ROOT))) {
          throw refuse("duplicate entry: " + printable(name));
        }
        if (isSymlink(e)) {
          throw refuse("symbolic link: " + printable(name));
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int r;
        while ((r = zip.read(chunk)) > 0) {
          total += r;
          if (total > maxTotalBytes) {
            throw refuse("more than " + maxTotalBytes + " bytes uncompressed");
          }
          buf.write(chunk, 0, r);
        }
        entries.put(name, buf.toByteArray());
      }
    } catch (java.util.zip.ZipException ex) {
      throw refuse("not a valid ZIP: " + ex.getMessage());
    }
    return entries;
  }

  /** Info-ZIP stores the Unix mode in the "new Unix" or "ASi" extra field; S_IFLNK = 0120000. */
  private static boolean isSymlink(ZipEntry e) {
    byte[] extra = e.getExtra();
    if (extra == null) {
      return false;
    }
    for (int i = 0; i + 4 <= extra.length; ) {
      int id = (extra[i] & 0xff) | (extra[i + 1] & 0xff) << 8;
      int size = (extra[i + 2] & 0xff) | (extra[i + 3] & 0xff) << 8;
      if (id == 0x756e && size >= 6 && i + 10 <= extra.length) { // ASi Unix: crc(4) mode(2)
        int mode = (extra[i + 8] & 0xff) | (extra[i + 9] & 0xff) << 8;
        if ((mode & 0170000) == 0120000) {
          return true;
        }
      }
      i += 4 + size;
    }
    return false;
  }

  private static String printable(String name) {
    String cut = name.length() > 80 ? name.substring(0, 80) + "…" : name;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  private static MalformedRequestException refuse(String why) {
    return new MalformedRequestException("Refused ZIP: " + why);
  }
}
