package dev.mantis.robot.ros;

/**
 * One TCPROS connection as the slave API's getBusInfo reports it.
 *
 * @param id connection id, unique in the node
 * @param peer the other end: a node name or XML-RPC URI
 * @param direction {@code o} for outbound (we publish), {@code i} for inbound
 * @param topic the topic
 * @param connected whether the connection is up
 */
record BusLink(int id, String peer, String direction, String topic, boolean connected) {
}
