# Idiom seen in: zhixuhao/unet model.py
# Idiom seen in: zhixuhao/unet main.py
# What it reproduces: fine-tuning the repo's membrane U-Net from its pretrained hdf5: the user loops over
#   the built model's layers and assigns layer.kernel_regularizer = l2(...) to every Conv2D, recompiles
#   and fits. The model is never rebuilt from its config, so the assignment adds no loss at all.
from tensorflow.keras.layers import Conv2D
from tensorflow.keras.optimizers import Adam
from tensorflow.keras.regularizers import l2
from tensorflow.keras.callbacks import ModelCheckpoint
from model import unet
from data import trainGenerator

WEIGHT_DECAY = 1e-4

data_gen_args = dict(rotation_range=0.2, width_shift_range=0.05, height_shift_range=0.05,
                     shear_range=0.05, zoom_range=0.05, horizontal_flip=True, fill_mode='nearest')
myGene = trainGenerator(2, 'data/membrane/train', 'image', 'label', data_gen_args, save_to_dir=None)

model = unet(pretrained_weights='unet_membrane.hdf5')
for layer in model.layers:
    if isinstance(layer, Conv2D):
        layer.kernel_regularizer = l2(WEIGHT_DECAY)  # expect: WD106

model.compile(optimizer=Adam(learning_rate=1e-5), loss='binary_crossentropy', metrics=['accuracy'])
model_checkpoint = ModelCheckpoint('unet_membrane_ft.hdf5', monitor='loss', verbose=1, save_best_only=True)
model.fit(myGene, steps_per_epoch=300, epochs=5, callbacks=[model_checkpoint])
