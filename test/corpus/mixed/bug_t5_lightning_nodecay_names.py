# Idiom seen in: patil-suraj/exploring-T5 t5_fine_tuning.ipynb
# What it reproduces: the T5FineTuner LightningModule copies BERT's no_decay = ["bias", "LayerNorm.weight"];
#   T5 has no biases and names its norms `layer_norm`/`final_layer_norm`, so every T5LayerNorm weight lands in
#   the decayed group once weight_decay is raised from the notebook's 0.0 to 0.01 (user's change).
import argparse
import logging

import pytorch_lightning as pl
import torch
from torch.utils.data import DataLoader
from transformers import AdamW, T5ForConditionalGeneration, T5Tokenizer, get_linear_schedule_with_warmup

from dataset import get_dataset  # ImdbDataset / EmotionDataset helpers, not part of this file

logger = logging.getLogger(__name__)


class T5FineTuner(pl.LightningModule):
    def __init__(self, hparams):
        super(T5FineTuner, self).__init__()
        self.save_hyperparameters(hparams)
        self.model = T5ForConditionalGeneration.from_pretrained(hparams.model_name_or_path)
        self.tokenizer = T5Tokenizer.from_pretrained(hparams.tokenizer_name_or_path)

    def forward(self, input_ids, attention_mask=None, decoder_attention_mask=None, labels=None):
        return self.model(input_ids, attention_mask=attention_mask,
                          decoder_attention_mask=decoder_attention_mask, labels=labels)

    def _step(self, batch):
        labels = batch["target_ids"]
        labels[labels[:, :] == self.tokenizer.pad_token_id] = -100
        outputs = self(input_ids=batch["source_ids"], attention_mask=batch["source_mask"],
                       labels=labels, decoder_attention_mask=batch["target_mask"])
        return outputs[0]

    def training_step(self, batch, batch_idx):
        loss = self._step(batch)
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        self.log("val_loss", self._step(batch))

    def configure_optimizers(self):
        "Prepare optimizer and schedule (linear warmup and decay)"
        model = self.model
        no_decay = ["bias", "LayerNorm.weight"]
        optimizer_grouped_parameters = [
            {
                "params": [p for n, p in model.named_parameters() if not any(nd in n for nd in no_decay)],  # expect: WD203
                "weight_decay": self.hparams.weight_decay,
            },
            {
                "params": [p for n, p in model.named_parameters() if any(nd in n for nd in no_decay)],
                "weight_decay": 0.0,
            },
        ]
        optimizer = AdamW(optimizer_grouped_parameters, lr=self.hparams.learning_rate, eps=self.hparams.adam_epsilon)
        t_total = (len(self.train_dataloader().dataset) // self.hparams.train_batch_size
                   // self.hparams.gradient_accumulation_steps * self.hparams.num_train_epochs)
        scheduler = get_linear_schedule_with_warmup(optimizer, num_warmup_steps=self.hparams.warmup_steps,
                                                    num_training_steps=t_total)
        return [optimizer], [{"scheduler": scheduler, "interval": "step"}]

    def train_dataloader(self):
        train_dataset = get_dataset(tokenizer=self.tokenizer, type_path="train", args=self.hparams)
        return DataLoader(train_dataset, batch_size=self.hparams.train_batch_size, drop_last=True,
                          shuffle=True, num_workers=4)

    def val_dataloader(self):
        val_dataset = get_dataset(tokenizer=self.tokenizer, type_path="val", args=self.hparams)
        return DataLoader(val_dataset, batch_size=self.hparams.eval_batch_size, num_workers=4)


args_dict = dict(
    data_dir="",
    output_dir="",
    model_name_or_path='t5-base',
    tokenizer_name_or_path='t5-base',
    max_seq_length=512,
    learning_rate=3e-4,
    weight_decay=0.01,
    adam_epsilon=1e-8,
    warmup_steps=0,
    train_batch_size=8,
    eval_batch_size=8,
    num_train_epochs=2,
    gradient_accumulation_steps=16,
    n_gpu=1,
    max_grad_norm=1.0,
    seed=42,
)

if __name__ == "__main__":
    args_dict.update({'data_dir': 'emotion_data', 'output_dir': 't5_emotion', 'num_train_epochs': 2})
    args = argparse.Namespace(**args_dict)
    pl.seed_everything(args.seed)
    trainer = pl.Trainer(accumulate_grad_batches=args.gradient_accumulation_steps, devices=args.n_gpu,
                         max_epochs=args.num_train_epochs, gradient_clip_val=args.max_grad_norm)
    model = T5FineTuner(args)
    trainer.fit(model)
    model.model.save_pretrained('t5_base_emotion')
