package dev.mantis.sim.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskJobsTest {

    /** Polls for a worker that last ran the task of {@code last} (-1 for none). */
    private static int next(TaskJobs jobs, int last, int episodes) {
        return jobs.poll(last < 0 ? -1 : last / episodes);
    }

    @Test
    void eachWorkerKeepsToItsTaskAndTakesAnUnrunOneNext() {
        TaskJobs jobs = new TaskJobs(3, 4, 0, Integer.MAX_VALUE);
        int a = next(jobs, -1, 4);
        int b = next(jobs, -1, 4);
        assertEquals(0, a);
        assertEquals(4, b, "the second worker starts the next task, not the first one's next episode");
        List<Integer> byA = new ArrayList<>(List.of(a));
        for (int i = 0; i < 3; i++) {
            byA.add(a = next(jobs, a, 4));
        }
        assertEquals(List.of(0, 1, 2, 3), byA);
        assertEquals(8, a = next(jobs, a, 4), "task 0 done: the lowest task nobody runs");
        assertEquals(5, b = next(jobs, b, 4));
        assertEquals(6, b = next(jobs, b, 4));
        assertEquals(7, b = next(jobs, b, 4));
        assertEquals(9, b = next(jobs, b, 4), "every task left has a worker: the two share task 2");
        assertEquals(10, a = next(jobs, a, 4));
        assertEquals(11, b = next(jobs, b, 4));
        assertEquals(TaskJobs.NONE, next(jobs, a, 4));
        assertEquals(TaskJobs.NONE, next(jobs, b, 4));
    }

    @Test
    void nothingIsHandedOutPastTheWindow() {
        TaskJobs jobs = new TaskJobs(2, 4, 0, 3);
        int a = next(jobs, -1, 4);
        int b = next(jobs, -1, 4);
        assertEquals(0, a);
        assertEquals(1, b, "task 1 starts past the window, so the second worker shares task 0");
        assertEquals(2, a = next(jobs, a, 4));
        assertEquals(TaskJobs.WAIT, next(jobs, b, 4));
        jobs.written(1);
        assertEquals(3, b = next(jobs, -1, 4));
        assertEquals(TaskJobs.WAIT, next(jobs, a, 4));
        jobs.written(4);
        assertEquals(4, a = next(jobs, -1, 4));
        assertEquals(5, b = next(jobs, b, 4), "task 0 is done: the worker joins the only task left");
    }

    @Test
    void aResumedRunStartsAfterTheWrittenPositions() throws InterruptedException {
        TaskJobs jobs = new TaskJobs(2, 4, 5, Integer.MAX_VALUE);
        int job = jobs.take(-1);
        assertEquals(5, job);
        List<Integer> rest = new ArrayList<>();
        for (job = jobs.take(job / 4); job >= 0; job = jobs.take(job / 4)) {
            rest.add(job);
        }
        assertEquals(List.of(6, 7), rest);
    }

    @Test
    void closedJobsHandOutNothing() throws InterruptedException {
        TaskJobs jobs = new TaskJobs(2, 4, 0, 1);
        assertEquals(0, jobs.take(-1));
        jobs.close();
        assertEquals(TaskJobs.NONE, jobs.take(-1), "a worker that would wait past the window ends");
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TaskJobs(2, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TaskJobs(2, 4, 0, 0));
    }
}
