package io.jointops.platform.command;

import io.jointops.api.shared.CommandRejectedException;
import io.jointops.api.shared.Rejection;
import io.jointops.api.shared.Tlp;
import io.jointops.api.shared.Unwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandValidationTest {

    record Basis(@NotBlank @Size(max = 10) String text, @Size(max = 3) String reference) {
    }

    record Item(@NotBlank String itemId) {
    }

    record Content(@NotBlank String title, @NotNull Tlp tlp) {
    }

    record Command(String id, @NotBlank @Size(max = 5) String title, @Size(max = 3) String summary, @NotNull Tlp tlp,
                   @NotNull @Valid Basis basis, List<@NotNull @Valid Item> items, List<@NotBlank String> words) {
    }

    record Drafted(String id, @NotNull @Valid @Unwrapped Content content) {
    }

    private static final Basis BASIS = new Basis("law", "s1");
    private static final Command VALID = new Command("c-1", "Title", null, Tlp.AMBER, BASIS, List.of(new Item("i")),
            List.of("w"));

    private final CommandValidation validation = new CommandValidation();

    private Rejection refusalOf(Object payload) {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(payload);
        try {
            validation.handle(command);
        } catch (CommandRejectedException e) {
            return e.rejection();
        }
        throw new AssertionError("not refused: " + payload);
    }

    private static Command with(String title, String summary, Tlp tlp, Basis basis) {
        return new Command("c-1", title, summary, tlp, basis, List.of(), List.of());
    }

    @Test
    void aValidCommandPassesUnchanged() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(VALID);
        assertThat(validation.handle(command)).isSameAs(command);
    }

    @Test
    void namesTheFieldInTheWordsTheAggregatesUsed() {
        assertThat(refusalOf(with(" ", null, Tlp.AMBER, BASIS)))
                .isEqualTo(new Rejection(Rejection.Reason.INVALID, "title", "must not be blank"));
        assertThat(refusalOf(with(null, null, Tlp.AMBER, BASIS)))
                .isEqualTo(new Rejection(Rejection.Reason.INVALID, "title", "must not be blank"));
        assertThat(refusalOf(with("Title!", null, Tlp.AMBER, BASIS)))
                .isEqualTo(new Rejection(Rejection.Reason.INVALID, "title", "must be at most 5 characters"));
        assertThat(refusalOf(with("Title", "four", Tlp.AMBER, BASIS)))
                .isEqualTo(new Rejection(Rejection.Reason.INVALID, "summary", "must be at most 3 characters"));
        assertThat(refusalOf(with("Title", null, null, BASIS)))
                .isEqualTo(new Rejection(Rejection.Reason.INVALID, "tlp", "must be given"));
    }

    /** The aggregates strip what they store: a text of Unicode spaces only is blank, as String#isBlank has it. */
    @Test
    void aTextOfIdeographicSpacesIsBlank() {
        assertThat(refusalOf(with("\u3000\u2003", null, Tlp.AMBER, BASIS)).field()).isEqualTo("title");
    }

    @Test
    void namesNestedFieldsAsTheRequestDoes() {
        assertThat(refusalOf(with("Title", null, Tlp.AMBER, null)))
                .isEqualTo(new Rejection(Rejection.Reason.INVALID, "basis", "must be given"));
        assertThat(refusalOf(with("Title", null, Tlp.AMBER, new Basis("", "s1"))))
                .isEqualTo(new Rejection(Rejection.Reason.INVALID, "basis.text", "must not be blank"));
        assertThat(refusalOf(new Command("c-1", "Title", null, Tlp.AMBER, BASIS,
                List.of(new Item("a"), new Item(" ")), List.of())).field()).isEqualTo("items[1].itemId");
        assertThat(refusalOf(new Command("c-1", "Title", null, Tlp.AMBER, BASIS,
                java.util.Arrays.asList(new Item("a"), null), List.of())))
                .isEqualTo(new Rejection(Rejection.Reason.INVALID, "items[1]", "must be given"));
        assertThat(refusalOf(new Command("c-1", "Title", null, Tlp.AMBER, BASIS, List.of(), List.of("w", ""))))
                .isEqualTo(new Rejection(Rejection.Reason.INVALID, "words", "must not be blank"));
        assertThat(refusalOf(new Drafted("r-1", new Content(" ", Tlp.RED))))
                .isEqualTo(new Rejection(Rejection.Reason.INVALID, "title", "must not be blank"));
        assertThat(refusalOf(new Drafted("r-1", null)).field()).isEqualTo("content");
    }

    @Test
    void ofSeveralFaultsNamesTheFirstInTheCommandsOrder() {
        assertThat(refusalOf(with("", "four", null, new Basis(null, "long"))).field()).isEqualTo("title");
        assertThat(refusalOf(with("Title", "four", null, new Basis(null, "long"))).field()).isEqualTo("summary");
        assertThat(refusalOf(with("Title", null, null, new Basis(null, "long"))).field()).isEqualTo("tlp");
        assertThat(refusalOf(with("Title", null, Tlp.RED, new Basis(null, "long"))).field()).isEqualTo("basis.text");
        assertThat(refusalOf(with("Title", null, Tlp.RED, new Basis("law", "long"))).field()).isEqualTo("basis.reference");
        List<Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            items.add(new Item(i == 2 || i == 10 ? "" : "i"));
        }
        assertThat(refusalOf(new Command("c-1", "Title", null, Tlp.AMBER, BASIS, items, List.of())).field())
                .as("the second item before the tenth, not as the text sorts").isEqualTo("items[2].itemId");
    }

    @Test
    void answersInEnglishWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            CommandValidation german = new CommandValidation();
            CommandMessage<?> command = GenericCommandMessage.asCommandMessage(with("Title", null, null, BASIS));
            assertThatThrownBy(() -> german.handle(command))
                    .isInstanceOfSatisfying(CommandRejectedException.class,
                            e -> assertThat(e.rejection().detail()).isEqualTo("must be given"));
        } finally {
            Locale.setDefault(before);
        }
    }

    /** Where it is sent: the gateway refuses, and the command never reaches the bus. */
    @Test
    void anInvalidCommandIsRefusedWhereItIsSent() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AtomicInteger handled = new AtomicInteger();
        bus.subscribe(Command.class.getName(), message -> handled.incrementAndGet());
        DefaultCommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus)
                .dispatchInterceptors(validation).build();

        assertThatThrownBy(() -> gateway.sendAndWait(with("Title", null, null, BASIS)))
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        e -> assertThat(e.rejection().field()).isEqualTo("tlp"));
        assertThat(handled).hasValue(0);
        gateway.sendAndWait(VALID);
        assertThat(handled).hasValue(1);
    }

    /** Where it is handled: a command put on the bus without the gateway (or by another member) is refused there. */
    @Test
    void anInvalidCommandIsRefusedWhereItIsHandled() {
        AtomicInteger handled = new AtomicInteger();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(validation);
        bus.subscribe(Command.class.getName(), message -> handled.incrementAndGet());
        DefaultCommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();
        assertThatThrownBy(() -> gateway.sendAndWait(with("Title", null, Tlp.RED, new Basis(" ", null))))
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(
                                new Rejection(Rejection.Reason.INVALID, "basis.text", "must not be blank")));
        assertThat(handled).hasValue(0);
        gateway.sendAndWait(VALID);
        assertThat(handled).hasValue(1);
    }
}
