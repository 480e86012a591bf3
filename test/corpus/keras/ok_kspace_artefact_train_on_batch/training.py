# Idiom seen in: attilasimko/drs AMRI/models.py
# Idiom seen in: attilasimko/drs AMRI/training.py
# What it reproduces: MRI artefact-removal networks built by a build_model() factory that passes
#   l2(reg_alpha) into its sub-nets, compiles each model, and a script that trains them with
#   model.train_on_batch in a hand-written epoch loop; Keras adds model.losses itself: clean.
import gc
import time

import numpy as np
import tensorflow

from data import DataGenerator
from models import KIKI
from utils import mse

lrate = 0.00005
batch_size = 4
alpha = np.array([1e-4, 1e-4], dtype=np.float32)
data_path = ''
save_path = ''

gen = DataGenerator(data_path + 'training',
                    inputs=[['clean', False, 'float32'], ['index', False, 'int']],
                    outputs=[['corrupt', False, 'float32']],
                    batch_size=batch_size, shuffle=True)
gen_val = DataGenerator(data_path + 'validating',
                        inputs=[['clean', False, 'float32']],
                        outputs=[['corrupt', False, 'float32']],
                        batch_size=batch_size, shuffle=False)

kiki = KIKI(lr=lrate, optimizer="rmsprop", alpha=alpha, num_artefacts=4)

patience, patience_thr, min_loss, fold = 0, 10, np.inf, 0
while fold < 2:
    start_time = time.time()
    e_loss_tr = []
    for i in range(len(gen)):
        hr, lr = gen[i]
        index = tensorflow.one_hot(hr[1], 4, axis=1)[:, :, 0]
        if fold == 0:
            loss = kiki.K1.train_on_batch([lr[0], index], hr[0])
        else:
            pred = kiki.K1_full.predict_on_batch(lr[0])
            loss = kiki.I1.train_on_batch([pred, index], hr[0])
        e_loss_tr.append(loss)
    gen.on_epoch_end()
    print("training: %ds, loss %.4f" % (int(time.time() - start_time), np.mean(e_loss_tr)))

    val_loss = []
    for i in range(len(gen_val)):
        hr, lr = gen_val[i]
        pred = kiki.K1_full.predict_on_batch(lr[0])
        if fold == 1:
            pred = kiki.I1_full.predict_on_batch(pred)
        val_loss.append(mse(hr[0], pred).numpy())

    if np.mean(val_loss) < min_loss:
        min_loss = np.mean(val_loss)
        patience = 0
        kiki.K1_full.save_weights(save_path + "k1_best.h5")
    else:
        patience += 1
    if patience >= patience_thr:
        fold += 1
        min_loss, patience = np.inf, 0
    gc.collect()
