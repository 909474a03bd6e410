package io.mimo.samples.join;

/** Inputs for the join's tests that take its edge cases together, shared by the local and Flink tests. */
public final class JoinCases {
    /**
     * A left file keyed by {@code id}: quoted fields with commas, doubled quotes and a line break,
     * {@code \r\n} line ends, a quoted key, keys outside the BMP, and two malformed rows.
     */
    public static final String LEFT = "id,name,note\r\n"
            + "1,\"Smith, Jane\",plain\r\n"
            + "1,\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
            + "2,too,many,fields\r\n"
            + "2,bob,\"quoted\"\r\n"
            + "3,\"bad\"x,oops\r\n"
            + "4,dan,\r\n"
            + "\"5\",quoted key,\r\n"
            + "\uFB01,ligature,\r\n"
            + "😀,smile,\r\n";

    /** A right file for {@link #LEFT}: many-to-many keys, a key of its own, two malformed rows. */
    public static final String RIGHT =
            "id,city\n1,Oslo\n1,\"Rome, IT\"\n1,Kyoto\n2\n3,Lima\n3,\"a \"\"b\"\"\"\n5,none\n5,extra,field\n"
                    + "\uFB01,x\n😀,y\n😀,z\n";

    private JoinCases() {}
}
