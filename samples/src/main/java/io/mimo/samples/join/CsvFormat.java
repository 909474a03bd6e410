package io.mimo.samples.join;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 fields: splitting one record's bytes into fields, and writing fields back as a record.
 *
 * <p>A field is either plain (no double quote in it) or quoted: it starts with {@code "}, a doubled
 * {@code ""} inside stands for one quote, and it may hold commas and line breaks. Text is UTF-8.
 */
final class CsvFormat {
    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';

    private CsvFormat() {}

    /** A record that breaks RFC 4180; the message says how. */
    static final class MalformedRecordException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedRecordException(String reason) {
            super(reason);
        }
    }

    /**
     * Splits one record (its bytes without the line terminator) into fields. Reads {@code record}
     * from its position to its limit without moving them.
     */
    static List<String> parseFields(ByteBuffer record) throws MalformedRecordException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> fields = new ArrayList<>();
        int end = record.limit();
        int i = record.position();
        while (true) {
            if (i < end && record.get(i) == QUOTE) {
                // quoted field: runs to the quote that is not doubled
                StringBuilder field = new StringBuilder();
                int chunk = i + 1;
                int j = chunk;
                while (true) {
                    if (j >= end) {
                        throw new MalformedRecordException("a quoted field is not closed (missing '\"')");
                    }
                    if (record.get(j) == QUOTE) {
                        field.append(decode(utf8, record, chunk, j));
                        if (j + 1 < end && record.get(j + 1) == QUOTE) {
                            field.append('"');
                            j += 2;
                            chunk = j;
                            continue;
                        }
                        j++;
                        break;
                    }
                    j++;
                }
                fields.add(field.toString());
                if (j == end) {
                    return fields;
                }
                if (record.get(j) != COMMA) {
                    throw new MalformedRecordException(
                            "unexpected text after a closing quote at byte " + (j - record.position() + 1));
                }
                i = j + 1;
            } else {
                int j = i;
                while (j < end && record.get(j) != COMMA) {
                    if (record.get(j) == QUOTE) {
                        throw new MalformedRecordException("a '\"' inside an unquoted field at byte "
                                + (j - record.position() + 1) + " (quote the field and double the quote)");
                    }
                    j++;
                }
                fields.add(decode(utf8, record, i, j));
                if (j == end) {
                    return fields;
                }
                i = j + 1;
            }
        }
    }

    private static String decode(CharsetDecoder utf8, ByteBuffer record, int from, int to)
            throws MalformedRecordException {
        try {
            return utf8.reset().decode(record.slice(from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRecordException("invalid UTF-8 text");
        }
    }

    /** Appends {@code fields} as one record ending in {@code \n}, quoting only the fields that need it. */
    static void appendRecord(StringBuilder out, List<String> fields) {
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                out.append(',');
            }
            String field = fields.get(f);
            if (needsQuotes(field)) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
        out.append('\n');
    }

    /** Whether {@code field} must be quoted: it holds a comma, a quote or a line break. */
    static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
