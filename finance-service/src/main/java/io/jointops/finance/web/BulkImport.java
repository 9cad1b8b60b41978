package io.jointops.finance.web;

import io.jointops.api.finance.ReportedTransaction;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The transactions of a report, validated in chunks with progress in the log (a bulk import of thousands takes
 * noticeable time), every faulty line named, e.g. {@code transactions[1234].fromAccount.iban}. Nothing is sent
 * unless every line is valid, and the aggregate stores the report and all its transactions in one transaction.
 */
@Component
class BulkImport {

    private static final Logger log = LoggerFactory.getLogger(BulkImport.class);

    /** From this many transactions on, an import logs its progress. */
    static final int LARGE = 1000;
    private static final int CHUNK = 1000;

    private final Validator validator;

    BulkImport(Validator validator) {
        this.validator = validator;
    }

    /**
     * The valid transactions as the command carries them.
     *
     * @throws MethodArgumentNotValidException naming every faulty field of every line, answered 400
     */
    List<ReportedTransaction> validate(String reportId, MethodParameter body, Object request,
                                       List<TransactionReportRequests.Transaction> lines) throws MethodArgumentNotValidException {
        int total = lines.size();
        boolean large = total >= LARGE;
        List<FieldError> errors = new ArrayList<>();
        List<ReportedTransaction> transactions = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            TransactionReportRequests.Transaction line = lines.get(i);
            String prefix = "transactions[" + i + "]";
            if (line == null) {
                errors.add(new FieldError("fileReport", prefix, "must not be null"));
                continue;
            }
            List<ConstraintViolation<TransactionReportRequests.Transaction>> violations = new ArrayList<>(validator.validate(line));
            violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
            for (ConstraintViolation<?> violation : violations) {
                errors.add(new FieldError("fileReport", prefix + "." + violation.getPropertyPath(), violation.getMessage()));
            }
            if (violations.isEmpty()) {
                transactions.add(line.toTransaction());
            }
            if (large && ((i + 1) % CHUNK == 0 || i + 1 == total)) {
                log.atInfo().addKeyValue("report.id", reportId).addKeyValue("import.validated", i + 1)
                        .addKeyValue("import.total", total).addKeyValue("import.rejected", errors.size())
                        .log("Bulk import: {} of {} transactions validated, {} faults so far", i + 1, total, errors.size());
            }
        }
        if (!errors.isEmpty()) {
            if (large) {
                log.atInfo().addKeyValue("report.id", reportId).addKeyValue("import.rejected", errors.size())
                        .log("Bulk import refused: {} faults, nothing stored", errors.size());
            }
            BeanPropertyBindingResult result = new BeanPropertyBindingResult(request, "fileReport");
            errors.forEach(result::addError);
            throw new MethodArgumentNotValidException(body, result);
        }
        return transactions;
    }

    void progress(String reportId, int total, String step) {
        if (total >= LARGE) {
            log.atInfo().addKeyValue("report.id", reportId).addKeyValue("import.total", total)
                    .addKeyValue("import.step", step).log("Bulk import of {} transactions: {}", total, step);
        }
    }
}
