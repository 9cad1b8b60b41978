package io.jointops.finance;

import io.jointops.platform.JointOpsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FinanceServiceApplication {

    public static void main(String[] args) {
        JointOpsApplication.run(FinanceServiceApplication.class, args);
    }
}
