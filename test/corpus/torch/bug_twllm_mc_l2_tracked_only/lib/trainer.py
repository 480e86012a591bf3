# Idiom seen in: jwliao1209/TWLLM-Tutor lib/lib_mc/trainer.py
# Idiom seen in: jwliao1209/TWLLM-Tutor lib/optimizer.py
# What it reproduces: TWLLM-Tutor's BaseTrainer backpropagates (loss / accum_grad_step) of what train_step returns.
#   Realistic mistake: MCTrainer.share_step adds an explicit L2 (args.l2_lambda; AdamW groups at weight_decay 0) to a
#   local loss that only feeds the tracker, and returns outputs.loss, so the penalty never reaches backward.
import torch
from tqdm import tqdm

from .metric.accuracy import get_correct_num
from .utils.train_utils import dict_to_device
from .tracker import MetricTracker


class BaseTrainer:
    def __init__(self, model, device, train_loader, valid_loader, optimizer,
                 accum_grad_step, lr_scheduler, logger=None, bf16=False):
        self.model = model
        self.device = device
        self.train_loader = train_loader
        self.valid_loader = valid_loader
        self.optimizer = optimizer
        self.accum_grad_step = accum_grad_step
        self.lr_scheduler = lr_scheduler
        self.tracker = MetricTracker()
        self.logger = logger
        self.bf16 = bf16

    def train_step(self, batch_data, step):
        raise NotImplementedError

    def valid_step(self, batch_data, step):
        raise NotImplementedError

    def train_one_epoch(self):
        self.model.train()
        self.progress_bar = tqdm(self.train_loader, desc=f"Training {self.cur_ep}")
        self.tracker.reset(keys=["train/loss", "train/acc"])
        for step, batch_data in enumerate(self.progress_bar, start=1):
            batch_data = dict_to_device(batch_data, self.device)
            with torch.cuda.amp.autocast(enabled=self.bf16, dtype=torch.bfloat16 if self.bf16 else torch.float32):
                loss = self.train_step(batch_data, step)
            self.progress_bar.set_postfix({**self.tracker.result(), "lr": self.lr_scheduler.get_last_lr()[0]})
            (loss / self.accum_grad_step).backward()
            if step % self.accum_grad_step == 0:
                self.optimizer.step()
                self.optimizer.zero_grad()
                self.lr_scheduler.step()
        self.progress_bar.close()

    @torch.no_grad()
    def valid_one_epoch(self):
        self.model.eval()
        self.tracker.reset(keys=["valid/loss", "valid/acc"])
        for step, batch_data in enumerate(self.valid_loader, start=1):
            self.valid_step(dict_to_device(batch_data, self.device), step)
        if self.logger is not None:
            self.logger.log({"epoch": self.cur_ep, **self.tracker.result()})

    def fit(self, epoch):
        self.model.to(self.device)
        for self.cur_ep in range(1, epoch + 1):
            self.train_one_epoch()
            self.valid_one_epoch()


class MCTrainer(BaseTrainer):
    def __init__(self, *args, l2_lambda=0.0, **kwargs):
        super().__init__(*args, **kwargs)
        self.l2_lambda = l2_lambda

    def share_step(self, batch_data, index, prefix):
        outputs = self.model(**batch_data)
        loss = outputs.loss
        if prefix == "train" and self.l2_lambda > 0:
            l2 = self.l2_lambda * sum(p.pow(2).sum() for p in self.model.parameters() if p.requires_grad)  # expect: WD104
            loss = loss + l2
            self.tracker.update(f"{prefix}/l2", l2.item(), 1)
        preds = outputs.logits.argmax(dim=-1)
        correct_num = get_correct_num(preds, batch_data["labels"])
        n = preds.shape[0]
        self.tracker.update(f"{prefix}/loss", loss / n, n)
        self.tracker.update(f"{prefix}/acc", correct_num / n, n)
        return outputs.loss

    def train_step(self, batch_data, index):
        return self.share_step(batch_data, index, "train")

    def valid_step(self, batch_data, index):
        return self.share_step(batch_data, index, "valid")
