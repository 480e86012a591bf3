# Idiom seen in: Ishansh-Sharma/SSVL_Implementation Masked_Image_Modelling/MAE_on_CIFAR10/Concise_Code/training.py
# Idiom seen in: Ishansh-Sharma/SSVL_Implementation Masked_Image_Modelling/MAE_on_CIFAR10/Concise_Code/Model.py
# What it reproduces: the repository's pre-training script: keras.optimizers.AdamW(weight_decay=...) with
# no exclude_from_weight_decay call, so every LayerNormalization gamma/beta, every bias and the mask
# token are decayed along with the kernels.
from tensorflow import keras

from hparams import WEIGHT_DECAY, LEARNING_RATE, EPOCHS, BATCH_SIZE
from model import MaskedAutoencoder, create_encoder, create_decoder
from patches import Patches, PatchEncoder
from load_dataset import train_ds, val_ds, test_ds, x_train
from schedules import WarmUpCosine

patch_layer = Patches()
patch_encoder = PatchEncoder()
mae_model = MaskedAutoencoder(patch_layer=patch_layer, patch_encoder=patch_encoder,
                              encoder=create_encoder(), decoder=create_decoder())

total_steps = int((len(x_train) / BATCH_SIZE) * EPOCHS)
warmup_steps = int(total_steps * 0.15)
scheduled_lrs = WarmUpCosine(learning_rate_base=LEARNING_RATE, total_steps=total_steps,
                             warmup_learning_rate=0.0, warmup_steps=warmup_steps)

optimizer = keras.optimizers.AdamW(
    learning_rate=scheduled_lrs, weight_decay=WEIGHT_DECAY  # expect: WD203
)

# Compile and pretrain the model.
mae_model.compile(optimizer=optimizer, loss=keras.losses.MeanSquaredError(), metrics=["mae"])
history = mae_model.fit(train_ds, epochs=EPOCHS, validation_data=val_ds)

loss, mae = mae_model.evaluate(test_ds)
print(f"Loss: {loss:.2f}")
print(f"MAE: {mae:.2f}")
