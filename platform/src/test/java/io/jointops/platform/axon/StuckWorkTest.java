package io.jointops.platform.axon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StuckWorkTest {

    private final StuckWork stuckWork = new StuckWork(Duration.ofMillis(100), Duration.ofMillis(400));

    @AfterEach
    void stop() {
        stuckWork.stop();
    }

    @Test
    void workThatRunsPastTheLimitIsInterruptedAndFailsAlsoWhenItSwallowsTheInterrupt() {
        stuckWork.start();
        AtomicBoolean sawInterrupt = new AtomicBoolean();
        long started = System.nanoTime();
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("stuck"));

        var result = unitOfWork.executeWithResult(() -> stuckWork.handle(unitOfWork,
                new DefaultInterceptorChain<>(unitOfWork, List.of(), message -> {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException swallowed) {
                        sawInterrupt.set(true); // and carries on as if nothing happened
                    }
                    return "done";
                })));

        assertThat(result.isExceptional()).as("the work fails: rolled back, not committed").isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(IllegalStateException.class)
                .hasMessage("handling String was interrupted after PT0.4S and does not complete");
        assertThat(unitOfWork.isRolledBack()).isTrue();

        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(sawInterrupt).isTrue();
        assertThat(tookMillis).isBetween(400L, 5_000L);
        assertThat(Thread.currentThread().isInterrupted()).as("the thread serves other work next").isFalse();
        assertThat(stuckWork.running()).isZero();
    }

    @Test
    void workWithinTheLimitCompletesUntouchedAndIsForgottenAfterAWarningThatSaysWhereItIs() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(StuckWork.class);
        logger.addAppender(logged);
        stuckWork.start();
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("quick"));
        var result = unitOfWork.executeWithResult(() -> stuckWork.handle(unitOfWork,
                new DefaultInterceptorChain<>(unitOfWork, List.of(), message -> {
                    assertThat(stuckWork.running()).isEqualTo(1);
                    Thread.sleep(150); // past the warning, not the limit
                    return "done";
                })));

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo("done");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(stuckWork.running()).isZero();
        logger.detachAppender(logged);
        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).asString()
                .startsWith("handling String on thread " + Thread.currentThread().getName() + " has run")
                .contains("java.lang.Thread.sleep(", "io.jointops.platform.axon.StuckWorkTest.lambda$");
        assertThat(logged.list).noneMatch(event -> event.getLevel() == Level.ERROR);
    }

    @Test
    void nestedHandlersOfOneUnitOfWorkAreOnePieceOfWork() throws Exception {
        var outer = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        outer.executeWithResult(() -> stuckWork.handle(outer, new DefaultInterceptorChain<>(outer, List.of(),
                message -> {
                    var inner = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("command"));
                    inner.executeWithResult(() -> stuckWork.handle(inner, new DefaultInterceptorChain<>(inner,
                            List.of(), m -> {
                                assertThat(stuckWork.running()).isEqualTo(1);
                                return null;
                            })));
                    return null;
                })));
        assertThat(stuckWork.running()).isZero();
    }

    @Test
    void refusesAnInterruptBeforeTheWarning() {
        assertThatThrownBy(() -> new StuckWork(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
