# Idiom seen in: Lightning-Universe/lightning-transformers examples/custom/dataset/language_modeling/custom_model.py
# What it reproduces: clean twin of the custom configure_optimizers: AdamW with an explicit decay group and a
#   weight_decay=0.0 group for biases and LayerNorm/ln_* parameters (p.ndim <= 1), the usual transformer recipe.
import pytorch_lightning as pl
import torch
from transformers import AutoTokenizer

from lightning_transformers.task.nlp.language_modeling import (LanguageModelingDataModule,
                                                               LanguageModelingTransformer)


class MyLanguageModelingTransformer(LanguageModelingTransformer):

    def __init__(self, *args, weight_decay: float = 0.01, **kwargs):
        super().__init__(*args, **kwargs)
        self.weight_decay = weight_decay

    def configure_optimizers(self):
        decay, no_decay = [], []
        for name, param in self.named_parameters():
            if not param.requires_grad:
                continue
            if param.ndim <= 1 or name.endswith(".bias") or "norm" in name.lower() or ".ln_" in name:
                no_decay.append(param)
            else:
                decay.append(param)
        groups = [{"params": decay, "weight_decay": self.weight_decay},
                  {"params": no_decay, "weight_decay": 0.0}]
        return torch.optim.AdamW(groups, lr=1e-5)


if __name__ == '__main__':
    tokenizer = AutoTokenizer.from_pretrained(pretrained_model_name_or_path="gpt2")
    model = MyLanguageModelingTransformer(pretrained_model_name_or_path="gpt2", weight_decay=0.05)
    dm = LanguageModelingDataModule(batch_size=1, dataset_name="wikitext",
                                    dataset_config_name="wikitext-2-raw-v1", tokenizer=tokenizer)
    trainer = pl.Trainer(accelerator="auto", devices="auto", max_epochs=1)
    trainer.fit(model, dm)
