# Idiom seen in: kanazashi-s/rsna_2022_v1 src/single/two_view_concat/model/optimizers.py
# Idiom seen in: kanazashi-s/rsna_2022_v1 src/single/two_view_concat/lit_module.py
# What it reproduces: Lightning module built from mixins; AdamW groups split by the BERT names (bias, LayerNorm.*),
# but the backbone is a timm EfficientNet whose BatchNorm weights are named bn1/bn2, so they land in the decayed group (WD203, as in the repo).
import pytorch_lightning as pl
from pytorch_lightning.callbacks import ModelCheckpoint

from cfg.general import GeneralCFG
from single.two_view_concat.config import TwoViewConcatCFG
from single.two_view_concat.data_module import DataModule
from single.two_view_concat.lit_module import LitModel


def train(fold):
    pl.seed_everything(GeneralCFG.seed)
    data_module = DataModule(fold=fold, batch_size=TwoViewConcatCFG.batch_size)
    model = LitModel()
    checkpoint = ModelCheckpoint(
        dirpath=TwoViewConcatCFG.output_dir,
        filename=f"model_fold{fold}",
        monitor=TwoViewConcatCFG.monitor_metric,
        mode=TwoViewConcatCFG.monitor_mode,
    )
    trainer = pl.Trainer(
        max_epochs=TwoViewConcatCFG.epochs,
        accelerator="gpu",
        precision=16,
        gradient_clip_val=TwoViewConcatCFG.max_grad_norm,
        accumulate_grad_batches=TwoViewConcatCFG.accumulate_grad_batches,
        callbacks=[checkpoint],
    )
    trainer.fit(model, datamodule=data_module)
    return checkpoint.best_model_score


if __name__ == "__main__":
    for fold in range(GeneralCFG.n_fold):
        print(fold, train(fold))
