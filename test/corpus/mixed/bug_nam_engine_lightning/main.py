# Idiom seen in: AmrMKayid/nam main.py
# What it reproduces: the entry point: config = defaults(), a NAM over the dataset's feature columns and a
#   pytorch_lightning Trainer fitting the Engine; the data module is not in the workspace.
import pytorch_lightning as pl

from config import defaults
from engine import Engine
from models import NAM
from nam.data import NAMDataset


def main():
    config = defaults()
    pl.seed_everything(config.seed)

    dataset = NAMDataset(config, csv_file='data/GALLUP.csv',
                         features_columns=["income_2", "WP1219", "WP1220", "weo_gdpc_con_ppp"],
                         targets_column=["WP16"])
    train_loader, val_loader = dataset.train_dataloaders()

    model = NAM(config=config, num_inputs=len(dataset.features_columns))
    engine = Engine(config, model)
    trainer = pl.Trainer(max_epochs=config.training_epochs, default_root_dir=config.output_dir)
    trainer.fit(engine, train_dataloaders=train_loader, val_dataloaders=val_loader)


if __name__ == "__main__":
    main()
