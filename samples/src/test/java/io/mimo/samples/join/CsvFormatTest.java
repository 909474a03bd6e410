package io.mimo.samples.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.samples.join.CsvFormat.MalformedRecordException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

    private static List<String> fields(String record) throws MalformedRecordException {
        return CsvFormat.parseFields(ByteBuffer.wrap(record.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void plainFieldsSplitOnCommasAndKeepEmptyOnes() throws Exception {
        assertEquals(List.of("a", "", "c", ""), fields("a,,c,"));
        assertEquals(List.of(""), fields(""));
    }

    @Test
    void quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() throws Exception {
        assertEquals(
                List.of("Smith, Jane", "say \"hi\"", "two\nlines", ""),
                fields("\"Smith, Jane\",\"say \"\"hi\"\"\",\"two\nlines\",\"\""));
    }

    @Test
    void utf8TextIsDecoded() throws Exception {
        assertEquals(List.of("Zürich", "São Paulo"), fields("Zürich,\"São Paulo\""));
    }

    @Test
    void parsingLeavesTheBufferPositionAlone() throws Exception {
        ByteBuffer record =
                ByteBuffer.wrap("xx,a,b".getBytes(StandardCharsets.US_ASCII)).position(3);
        assertEquals(List.of("a", "b"), CsvFormat.parseFields(record));
        assertEquals(3, record.position());
    }

    @Test
    void malformedRecordsSayWhatIsWrong() {
        assertTrue(assertThrows(MalformedRecordException.class, () -> fields("a,\"open"))
                .getMessage()
                .contains("not closed"));
        assertTrue(assertThrows(MalformedRecordException.class, () -> fields("a,\"rush\"ed"))
                .getMessage()
                .contains("after a closing quote"));
        assertTrue(assertThrows(MalformedRecordException.class, () -> fields("a,b\"c"))
                .getMessage()
                .contains("inside an unquoted field"));
        byte[] badUtf8 = {'a', ',', (byte) 0xC3, (byte) 0x28};
        assertTrue(assertThrows(MalformedRecordException.class, () -> CsvFormat.parseFields(ByteBuffer.wrap(badUtf8)))
                .getMessage()
                .contains("UTF-8"));
    }

    @Test
    void writtenRecordsParseBackToTheSameFields() throws Exception {
        List<String> original = List.of("plain", "with, comma", "with \"quote\"", "two\nlines", "", "cr\rhere");
        StringBuilder text = new StringBuilder();
        CsvFormat.appendRecord(text, original);
        assertTrue(text.toString().endsWith("\n"));
        assertEquals(original, fields(text.substring(0, text.length() - 1)));
    }
}
