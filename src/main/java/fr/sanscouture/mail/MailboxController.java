package fr.sanscouture.mail;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page {@code /mailbox} of the embedded default: the mails captured since the start, newest first. */
@Controller
@Profile("default")
class MailboxController {

  /** One captured mail, as the page shows it. */
  record CapturedMail(Date sentAt, String to, String subject, String body) {}

  private final GreenMail capturedMail;

  MailboxController(GreenMail capturedMail) {
    this.capturedMail = capturedMail;
  }

  @GetMapping("/mailbox")
  String mailbox(Model model) throws MessagingException, IOException {
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
