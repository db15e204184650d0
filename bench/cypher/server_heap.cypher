// Bench: the server JVM's maximum heap, to print beside the figures.
// Parameters: none. Returns: heap_max (bytes), one row.
CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
RETURN attributes.HeapMemoryUsage.value.properties.max AS heap_max
