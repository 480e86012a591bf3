# Idiom seen in: Lightning-Universe/lightning-transformers examples/custom/dataset/language_modeling/custom_model.py
# What it reproduces: a LanguageModelingTransformer subclass overriding configure_optimizers with
#   torch.optim.AdamW(self.parameters(), lr=1e-5) as the example does: torch's AdamW defaults to
#   weight_decay=0.01, so every bias and LayerNorm weight of the transformer is decayed (one group).
import pytorch_lightning as pl
import torch
from transformers import AutoTokenizer

from lightning_transformers.task.nlp.language_modeling import (LanguageModelingDataModule,
                                                               LanguageModelingTransformer)


class MyLanguageModelingTransformer(LanguageModelingTransformer):

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=1e-5)  # expect: WD203


if __name__ == '__main__':
    tokenizer = AutoTokenizer.from_pretrained(pretrained_model_name_or_path="gpt2")
    model = MyLanguageModelingTransformer(pretrained_model_name_or_path="gpt2")
    dm = LanguageModelingDataModule(
        batch_size=1,
        dataset_name="wikitext",
        dataset_config_name="wikitext-2-raw-v1",
        tokenizer=tokenizer,
    )
    trainer = pl.Trainer(accelerator="auto", devices="auto", max_epochs=1)
    trainer.fit(model, dm)
