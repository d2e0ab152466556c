# Writes OUTPUT: a C++ source defining `const char* NAMESPACE::FUNCTION()` that returns INPUT's text.
file(READ ${INPUT} text)
get_filename_component(name ${INPUT} NAME)
set(body "// Generated from ${name} by cmake/EmbedText.cmake. Do not edit.\nnamespace ${NAMESPACE} {\nconst char* ${FUNCTION}() {\n  return R\"embedded(${text})embedded\";\n}\n}  // namespace ${NAMESPACE}\n")
file(WRITE ${OUTPUT}.tmp "${body}")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
