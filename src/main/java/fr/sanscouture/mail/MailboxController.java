package fr.sanscouture.mail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import fr.sanscouture.identity.RequestCaller;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page {@code /mailbox} of the embedded default: the mails captured since the start, newest first.
 * They hold people's names and live signature links: only an administrator reads them (HTTP Basic, as
 * the engine's REST API, {@code api.EngineAuthenticationConfig}).
 */
@Controller
@Profile("default")
class MailboxController {

  /** One captured mail, as the page shows it. */
  record CapturedMail(Date sentAt, String to, String subject, String body) {}

  private final GreenMail capturedMail;
  private final IdentityService identityService;

  MailboxController(GreenMail capturedMail, IdentityService identityService) {
    this.capturedMail = capturedMail;
    this.identityService = identityService;
  }

  @GetMapping("/mailbox")
  String mailbox(HttpServletRequest request, Model model) throws MessagingException, IOException {
    if (RequestCaller.of(request, identityService).filter(RequestCaller::isAdministrator).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Seul un administrateur lit les courriels capturés.");
    }
    List<CapturedMail> mails = new ArrayList<>();
    for (Message message : capturedMail.getReceivedMessages()) {
      mails.add(0, new CapturedMail(message.getSentDate(),
          String.join(", ", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList()),
          message.getSubject(), String.valueOf(message.getContent())));
    }
    model.addAttribute("mails", mails);
    return "mailbox";
  }
}
