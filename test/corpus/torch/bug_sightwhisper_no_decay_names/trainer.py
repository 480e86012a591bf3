# Idiom seen in: nlp-waseda/SlideAVSR experiment/training/trainer.py
# Idiom seen in: nlp-waseda/SlideAVSR experiment/training/model.py
# What it reproduces: the BERT-style split no_decay = ["bias", "LayerNorm.weight"] copied into a
#   Whisper fine-tuning module. Whisper's norms are named attn_ln / cross_attn_ln / mlp_ln / ln, so
#   the filter catches the biases only and every LayerNorm gain of the decoder lands in the group
#   with weight_decay=0.01 (WD203 at that group's params). Real repo behaviour.
import torch
from pytorch_lightning import LightningModule
from torch import nn
from transformers import get_linear_schedule_with_warmup

from whisper_model import load_model


class WhisperModelModule(LightningModule):
    def __init__(self, cfg, checkpoint_path, train_dataset, eval_dataset) -> None:
        super().__init__()
        self.model = load_model(checkpoint_path)
        self.loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
        self.cfg = cfg
        self.__train_dataset = train_dataset
        self.__eval_dataset = eval_dataset

    def training_step(self, batch, batch_id):
        input_ids = batch["input_ids"]
        labels = batch["labels"].long()
        dec_input_ids = batch["dec_input_ids"].long()
        with torch.no_grad():
            audio_features = self.model.encoder(input_ids)
        out = self.model.decoder(dec_input_ids, audio_features)
        loss = self.loss_fn(out.view(-1, out.size(-1)), labels.view(-1))
        self.log("train/loss", loss, on_step=True, prog_bar=True, logger=True)
        return loss

    def configure_optimizers(self):
        model = self.model
        no_decay = ["bias", "LayerNorm.weight"]
        optimizer_grouped_parameters = [
            {
                "params": [  # expect: WD203
                    p for n, p in model.named_parameters()
                    if not any(nd in n for nd in no_decay)
                ],
                "weight_decay": self.cfg.weight_decay,
            },
            {
                "params": [
                    p for n, p in model.named_parameters()
                    if any(nd in n for nd in no_decay)
                ],
                "weight_decay": 0.0,
            },
        ]
        optimizer = torch.optim.AdamW(optimizer_grouped_parameters,
                                      lr=self.cfg.learning_rate,
                                      eps=self.cfg.adam_epsilon)
        scheduler = get_linear_schedule_with_warmup(
            optimizer, num_warmup_steps=self.cfg.warmup_steps, num_training_steps=self.t_total)
        return [optimizer], [{"scheduler": scheduler, "interval": "step", "frequency": 1}]

    def setup(self, stage=None):
        if stage == 'fit' or stage is None:
            self.t_total = ((len(self.__train_dataset) // self.cfg.batch_size)
                            // self.cfg.gradient_accumulation_steps
                            * float(self.cfg.num_train_epochs))

    def train_dataloader(self):
        return torch.utils.data.DataLoader(self.__train_dataset, batch_size=self.cfg.batch_size,
                                           drop_last=True, shuffle=True,
                                           num_workers=self.cfg.num_worker)
