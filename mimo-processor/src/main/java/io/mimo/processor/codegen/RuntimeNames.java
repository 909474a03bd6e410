package io.mimo.processor.codegen;

import com.palantir.javapoet.ClassName;

/** The runtime types generated code refers to. */
final class RuntimeNames {
    private static final String PACKAGE = "io.mimo.runtime";

    static final ClassName STEP = ClassName.get(PACKAGE, "Step");
    static final ClassName ELEMENT_STEP = ClassName.get(PACKAGE, "ElementStep");
    static final ClassName ITEM_HANDLER = ELEMENT_STEP.nestedClass("ItemHandler");
    static final ClassName CONTEXT = ClassName.get(PACKAGE, "Context");
    static final ClassName IN_PORT = ClassName.get(PACKAGE, "InPort");
    static final ClassName OUT_PORT = ClassName.get(PACKAGE, "OutPort");
    static final ClassName INPUT = ClassName.get(PACKAGE, "Input");
    static final ClassName OUTPUT = ClassName.get(PACKAGE, "Output");
    static final ClassName BYTE_OUTPUT = ClassName.get(PACKAGE, "ByteOutput");
    static final ClassName ONE_INPUT = ClassName.get(PACKAGE, "OneInput");
    static final ClassName ONE_OUTPUT = ClassName.get(PACKAGE, "OneOutput");

    private RuntimeNames() {}
}
