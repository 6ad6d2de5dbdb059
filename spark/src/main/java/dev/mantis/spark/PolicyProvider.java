package dev.mantis.spark;

import dev.mantis.sim.task.PolicyFactory;
import java.io.Serializable;

/**
 * What an executor opens, once per shard, to get the policies of its episodes (the driver's
 * {@code --policy}, sent to executors). A factory that is {@link AutoCloseable} is closed when
 * the shard ends.
 */
public interface PolicyProvider extends Serializable {

    /** Each task's scripted oracle. */
    PolicyProvider ORACLE = () -> PolicyFactory.ORACLE;

    /** The policies for one shard. */
    PolicyFactory open();
}
