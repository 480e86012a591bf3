# Idiom seen in: AmbiqAI/neuralspot-edge keras_edge/models/optimizers/distiller.py
# What it reproduces: heart-kws style distillation: a frozen teacher loaded from disk, a regularized student,
# Distiller.compile(...) then fit(); fit runs Keras' train_step, which calls the overridden compute_loss.
import argparse

import keras

from distiller import Distiller
from student import build_student
from datasets import load_ecg_segments

parser = argparse.ArgumentParser()
parser.add_argument("--teacher", default="results/teacher/model.keras")
parser.add_argument("--epochs", type=int, default=100)
parser.add_argument("--lr", type=float, default=1e-3)

if __name__ == "__main__":
    args = parser.parse_args()
    train_ds, val_ds, info = load_ecg_segments(batch_size=128)

    teacher = keras.models.load_model(args.teacher)
    teacher.trainable = False
    student = build_student(info["input_shape"], info["num_classes"])

    distiller = Distiller(student=student, teacher=teacher)
    distiller.compile(
        optimizer=keras.optimizers.Adam(args.lr),
        metrics=[keras.metrics.CategoricalAccuracy()],
        student_loss_fn=keras.losses.CategoricalCrossentropy(from_logits=True),
        distillation_loss_fn=keras.losses.KLDivergence(),
        alpha=0.1,
        temperature=5,
    )
    distiller.fit(train_ds, validation_data=val_ds, epochs=args.epochs)
    student.save("results/student/model.keras")
