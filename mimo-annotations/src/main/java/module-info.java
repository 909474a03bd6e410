/**
 * The {@code @Stream} annotation. Needed only at compile time: a module using it reads it with
 * {@code requires static io.mimo;}.
 */
module io.mimo {
    exports io.mimo;
}
