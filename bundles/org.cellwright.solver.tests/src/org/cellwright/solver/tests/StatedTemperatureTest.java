package org.cellwright.solver.tests;

import static org.cellwright.solver.input.MaterialProperty.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.solver.input.ArrheniusLaws;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.Cutoff;
import org.cellwright.solver.input.LayerRole;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;
import org.cellwright.solver.input.ProtocolSpec;
import org.cellwright.solver.input.SolverSettings;
import org.cellwright.solver.input.StepSpec;
import org.cellwright.solver.input.json.InputsJson;
import org.cellwright.solver.input.json.ResolvedInputs;
import org.cellwright.solver.params.Sung2023Parameters;
import org.cellwright.solver.physics.CathodeElectrolyteInterphase;
import org.cellwright.solver.physics.Constants;
import org.cellwright.solver.physics.InterphaseTemperatureLaw;
import org.junit.jupiter.api.Test;

/**
 * A value of an Arrhenius law stated at its own temperature (the language's {@code interphase-growth-constant =
 * 3.95e-20 m2/s at 60 degC}): the law gives the stated value there whatever the activation energy, and the activation
 * energy moves only the values at other temperatures, as p(T) = p(Ts) exp(-E/R (1/T - 1/Ts)); the material's reference
 * temperature changes nothing of that; inputs.json keeps the temperature, and a material without one is written as
 * before.
 */
class StatedTemperatureTest {
    static final double T25 = 298.15, T60 = 333.15, K60 = 3.95e-20;

    static MaterialSpec cathode(double barrier) {
        return Sung2023Parameters.ncm811().toBuilder().set(INTERPHASE_GROWTH_CONSTANT, K60, T60).set(INTERPHASE_ACTIVATION_ENERGY, barrier).build();
    }

    static InterphaseTemperatureLaw law(MaterialSpec m, double temperature) {
        InterphaseTemperatureLaw law = CathodeElectrolyteInterphase.of(m).law();
        law.setTemperature(temperature);
        return law;
    }

    @Test
    void theValueAtTheStatedTemperatureIsTheStatedOneWhateverTheBarrier() {
        double previous = Double.POSITIVE_INFINITY;
        for (double barrier : new double[] { 30e3, 50e3, 92e3, 134e3 }) {
            MaterialSpec m = cathode(barrier);
            assertEquals(K60, law(m, T60).growthConstant(), 1e-12 * K60, "k(60 degC) at " + barrier + " J/mol");
            double k25 = law(m, T25).growthConstant();
            assertEquals(K60 * Math.exp(-barrier / Constants.R * (1 / T25 - 1 / T60)), k25, 1e-12 * k25, "k(25 degC) at " + barrier + " J/mol");
            assertTrue(k25 < previous, "a higher barrier, a slower growth at 25 degC: " + k25);
            previous = k25;
            // the value the solver's laws take, at the material's reference temperature
            assertEquals(k25, m.get(INTERPHASE_GROWTH_CONSTANT, Double.NaN), 1e-12 * k25);
        }
        // a fit's estimate of the barrier (MaterialSpec.with) keeps the value at 60 degC; one of the value is the value at 60 degC
        MaterialSpec m = cathode(50e3).with(INTERPHASE_ACTIVATION_ENERGY, 134e3);
        assertEquals(K60, law(m, T60).growthConstant(), 1e-12 * K60);
        assertEquals(1e-20, law(m.with(INTERPHASE_GROWTH_CONSTANT, 1e-20), T60).growthConstant(), 1e-32);
        assertEquals(T60, m.statedAt(INTERPHASE_GROWTH_CONSTANT).getAsDouble());
    }

    @Test
    void theMaterialsReferenceTemperatureChangesNothingOfIt() {
        MaterialSpec at30 = cathode(50e3).toBuilder().set(REFERENCE_TEMPERATURE, 303.15).build();
        assertEquals(K60, law(at30, T60).growthConstant(), 1e-12 * K60);
        assertEquals(law(cathode(50e3), T25).growthConstant(), law(at30, T25).growthConstant(), 1e-12 * K60);
        // stated at the reference temperature itself: exactly the value, as if not stated
        MaterialSpec atReference = Sung2023Parameters.ncm811().toBuilder().set(INTERPHASE_GROWTH_CONSTANT, 4.75e-21, T25).build();
        assertEquals(4.75e-21, atReference.get(INTERPHASE_GROWTH_CONSTANT, Double.NaN));
    }

    @Test
    void theInterphasesConductionTakesTheIonicBarrierWhenItHasNoneOfItsOwn() {
        MaterialSpec m = Sung2023Parameters.ncm811().toBuilder().set(INTERPHASE_CONDUCTIVITY, 3.8e-6, T60).set(IONIC_ACTIVATION_ENERGY, 40e3).build();
        MaterialSpec without = new MaterialSpec(m.name(), withoutKey(m), m.ocv(), null, m.statedAt());
        InterphaseTemperatureLaw law = law(without, T60);
        assertEquals(3.8e-6, law.conductivity(), 1e-12 * 3.8e-6, "kappa(60 degC) as stated with the ionic barrier as the law's");
        law.setTemperature(T25);
        assertEquals(3.8e-6 * Math.exp(-40e3 / Constants.R * (1 / T25 - 1 / T60)), law.conductivity(), 1e-9 * 3.8e-6);
    }

    private static java.util.Map<org.cellwright.solver.input.MaterialProperty, Double> withoutKey(MaterialSpec m) {
        java.util.EnumMap<org.cellwright.solver.input.MaterialProperty, Double> p = new java.util.EnumMap<>(m.properties());
        p.remove(INTERPHASE_CONDUCTION_ACTIVATION_ENERGY);
        return p;
    }

    @Test
    void onlyAValueOfAnArrheniusLawIsStatedAtATemperature() {
        assertTrue(ArrheniusLaws.has(INTERPHASE_GROWTH_CONSTANT) && ArrheniusLaws.has(EXCHANGE_CURRENT_DENSITY));
        assertFalse(ArrheniusLaws.has(TRANSFER_COEFFICIENT));
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> MaterialSpec.builder("M").set(TRANSFER_COEFFICIENT, 0.5, T60).build());
        assertTrue(e.getMessage().contains("only a value of an Arrhenius law"), e.getMessage());
    }

    /** A cell of the study whose cathode states its growth constant at 60 degC, or not (at the reference, 25 degC). */
    static CellSpec cell(boolean stated) {
        CellSpec c = Sung2023Parameters.cell7FullBaseline(5e6, T60);
        MaterialSpec ncm = stated ? cathode(50e3) : Sung2023Parameters.ncm811().toBuilder().set(INTERPHASE_GROWTH_CONSTANT, 4.75e-21).build();
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec l : c.layers()) {
            if (l.role() != LayerRole.COMPOSITE_CATHODE) {
                layers.add(l);
                continue;
            }
            LayerSpec.Builder b = l.toBuilder().clearComponents();
            l.components().forEach(cs -> b.component(cs.material().name().equals("NCM811") ? ncm : cs.material(), cs.massFraction()));
            layers.add(b.build());
        }
        return c.toBuilder().layers(layers).build();
    }

    @Test
    void inputsJsonKeepsTheTemperatureAndWritesOtherMaterialsAsBefore() {
        ResolvedInputs.Provenance p = new ResolvedInputs.Provenance("c", null, 0, "test", "now");
        ProtocolSpec protocol = ProtocolSpec.of(StepSpec.cRate(-1, Cutoff.duration(60)));
        String stated = InputsJson.toJson(new ResolvedInputs(p, cell(true), protocol, SolverSettings.defaults())).toString();
        assertTrue(stated.contains("\"interphase_growth_constant\":{\"value\":3.95E-20,\"unit\":\"m2/s\",\"at_K\":333.15}")
                || stated.contains("\"interphase_growth_constant\":{\"value\":3.95e-20,\"unit\":\"m2/s\",\"at_K\":333.15}"), stated);
        ResolvedInputs back = InputsJson.parse(stated, "inputs.json");
        MaterialSpec ncm = null;
        for (LayerSpec l : back.cell().layers())
            for (var cs : l.components()) if (cs.material().name().equals("NCM811")) ncm = cs.material();
        assertNotNull(ncm);
        assertEquals(T60, ncm.statedAt(INTERPHASE_GROWTH_CONSTANT).getAsDouble());
        assertEquals(cathode(50e3).get(INTERPHASE_GROWTH_CONSTANT, 0), ncm.get(INTERPHASE_GROWTH_CONSTANT, 0));
        String plain = InputsJson.toJson(new ResolvedInputs(p, cell(false), protocol, SolverSettings.defaults())).toString();
        assertFalse(plain.contains("at_K"), "no value stated at a temperature: nothing new written, the hash unchanged");
        Exception e = assertThrows(Exception.class, () -> InputsJson.parse(stated.replace("\"unit\":\"m2/s\",\"at_K\":333.15",
                "\"unit\":\"m2/s\",\"at_K\":-1"), "inputs.json"));
        assertTrue(e.getMessage().contains("interphase_growth_constant.at_K") && e.getMessage().contains("above 0 K"), e.getMessage());
    }
}
