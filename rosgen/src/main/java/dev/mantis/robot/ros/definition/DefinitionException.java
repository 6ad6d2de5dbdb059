package dev.mantis.robot.ros.definition;

/** A message or service definition that cannot be parsed or resolved; the message says where. */
public class DefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DefinitionException(String message) {
        super(message);
    }
}
