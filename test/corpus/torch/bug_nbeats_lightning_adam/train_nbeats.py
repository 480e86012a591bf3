# Idiom seen in: sktime/pytorch-forecasting examples/nbeats.py
# Idiom seen in: sktime/pytorch-forecasting pytorch_forecasting/models/base/_base_model.py
# What it reproduces: the example builds NBeats.from_dataset(..., weight_decay=1e-2) and trains it
# with a Lightning Trainer; BaseModel.configure_optimizers turns that into Adam's coupled L2 on all
# parameters (labels in forecasting/base_model.py).
import lightning.pytorch as pl
from lightning.pytorch.callbacks import EarlyStopping
import pandas as pd

from data import TimeSeriesDataSet, generate_ar_data
from forecasting import NBeats

data = generate_ar_data(seasonality=10.0, timesteps=400, n_series=100)
data["static"] = "2"
data["date"] = pd.Timestamp("2020-01-01") + pd.to_timedelta(data.time_idx, "D")
validation = data.series.sample(20)

max_encoder_length = 150
max_prediction_length = 20
training_cutoff = data["time_idx"].max() - max_prediction_length

training = TimeSeriesDataSet(
    data[lambda x: ~x.series.isin(validation)],
    time_idx="time_idx",
    target="value",
    group_ids=["series"],
    time_varying_unknown_reals=["value"],
    max_encoder_length=max_encoder_length,
    max_prediction_length=max_prediction_length,
)
validation_ds = TimeSeriesDataSet.from_dataset(training, data[lambda x: x.series.isin(validation)], stop_randomization=True)
train_dataloader = training.to_dataloader(train=True, batch_size=128, num_workers=2)
val_dataloader = validation_ds.to_dataloader(train=False, batch_size=128, num_workers=2)

early_stop_callback = EarlyStopping(monitor="val_loss", min_delta=1e-4, patience=10, mode="min")
trainer = pl.Trainer(
    max_epochs=100,
    accelerator="auto",
    gradient_clip_val=0.1,
    callbacks=[early_stop_callback],
    limit_train_batches=15,
)

net = NBeats.from_dataset(
    training,
    learning_rate=3e-2,
    log_interval=10,
    log_val_interval=1,
    log_gradient_flow=False,
    weight_decay=1e-2,
)
print(f"Number of parameters in network: {sum(p.numel() for p in net.parameters()) / 1e3:.1f}k")

trainer.fit(net, train_dataloaders=train_dataloader, val_dataloaders=val_dataloader)
