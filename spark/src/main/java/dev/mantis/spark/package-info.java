/**
 * Collection, evaluation and task generation as Apache Spark jobs. A run is split into
 * {@link dev.mantis.spark.Shard}s (a range of episode indices of one task); each Spark task runs
 * one shard with its own simulator and, when collecting, stages the shard's frames in a directory
 * of its own attempt ({@link dev.mantis.spark.StagedEpisodes}). The driver takes the shards'
 * outcomes in order as they end ({@code ShardJobs}) and commits the staged episodes of the
 * attempts the job returned through the single-process {@link dev.mantis.robot.dataset.DatasetWriter},
 * so the dataset is byte-identical to {@code mantis collect} without Spark
 * ({@link dev.mantis.spark.SparkCollection}). {@link dev.mantis.spark.SparkJobs} starts the
 * context from {@code --spark MASTER}.
 */
package dev.mantis.spark;
